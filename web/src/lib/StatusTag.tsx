import type { ReactNode } from 'react';

export type Tone = 'success' | 'info' | 'warning' | 'error' | 'neutral';

// Text/background pairs chosen for at least 7:1 contrast; antd's preset tag colours fall below 4.5:1.
const TONES: Record<Tone, { color: string; background: string; border: string }> = {
  success: { color: '#135200', background: '#f6ffed', border: '#95de64' },
  info: { color: '#002c8c', background: '#e6f4ff', border: '#91caff' },
  warning: { color: '#612500', background: '#fff7e6', border: '#ffc069' },
  error: { color: '#820014', background: '#fff1f0', border: '#ffa39e' },
  neutral: { color: '#262626', background: '#f5f5f5', border: '#d9d9d9' },
};

export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  const { color, background, border } = TONES[tone];
  return (
    <span className="status-tag" style={{ color, background, borderColor: border }}>
      {children}
    </span>
  );
}
