import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  "'IBM Plex Sans Arabic', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

// A deep green primary (white text on it is 6:1) and darker secondary text than antd's defaults,
// whose tertiary grey (#8c8c8c) and blue primary (#1677ff) fall short of WCAG AA 4.5:1.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b6e4f',
    colorLink: '#0b6e4f',
    colorInfo: '#0958d9',
    // antd's #ff4d4f is 3.2:1 on white: danger buttons and error text need 4.5:1.
    colorError: '#cf1322',
    fontFamily: FONT_FAMILY,
    fontSize: 15,
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  },
  components: {
    Layout: {
      headerBg: '#0b3d2e',
      headerColor: '#ffffff',
      headerPadding: '0 24px',
      siderBg: '#ffffff',
      bodyBg: '#f5f7f6',
    },
  },
};
