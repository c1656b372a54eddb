import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import arEG from 'antd/locale/ar_EG';
import enGB from 'antd/locale/en_GB';
import { BrowserRouter } from 'react-router';
import { directionOf } from '@/lib/locale';
import { useLanguage } from '@/lib/useLanguage';
import { AppRoutes } from './AppRoutes';
import { theme } from './theme';

// Dropdowns open inside the landmark of the control that opened them (not at the end of <body>),
// so all content stays within landmarks and screen readers find options next to their field.
function popupContainer(trigger?: HTMLElement): HTMLElement {
  return trigger?.closest<HTMLElement>('main') ?? document.body;
}

export function App({ client }: { client: ApolloClient }) {
  const { language } = useLanguage();
  return (
    <ConfigProvider
      direction={directionOf(language)}
      locale={language === 'ar' ? arEG : enGB}
      theme={theme}
      getPopupContainer={popupContainer}
    >
      <AntApp component={false}>
        <ApolloProvider client={client}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
