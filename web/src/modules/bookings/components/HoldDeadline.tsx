import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingStatus } from '@/generated/graphql';
import { DualDate } from '@/lib/DualDate';
import { StatusTag } from '@/lib/StatusTag';
import { useLanguage } from '@/lib/useLanguage';
import { formatTimeLeft, holdState, type HoldState } from '../lib/holdDeadline';

const MINUTE = 60_000;

/** The clock, ticking once a minute, so the time left stays true while the page is open. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The hold deadline of a HELD booking (Hijri and Gregorian, Riyadh time) and the time left to pay. */
export function HoldDeadline({ status, heldUntil }: { status: BookingStatus; heldUntil: string | null }) {
  const now = useMinuteClock();
  const state = holdState(status, heldUntil, now);
  if (state.kind === 'none') return <span>—</span>;
  return (
    <span className="hold-deadline">
      <DualDate value={heldUntil} inline month="short" withTime /> <HoldLeft state={state} />
    </span>
  );
}

function HoldLeft({ state }: { state: Exclude<HoldState, { kind: 'none' }> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (state.kind === 'lapsed') return <StatusTag tone={state.tone}>{t('maqam.holdLapsed')}</StatusTag>;
  const time = formatTimeLeft(state.minutes, language);
  return (
    <StatusTag tone={state.tone}>
      {state.kind === 'endingSoon' ? t('maqam.holdEndingSoon', { time }) : t('maqam.holdLeft', { time })}
    </StatusTag>
  );
}

/** Whether a booking may still be confirmed by the clock (the server checks again). */
export function holdLapsed(status: BookingStatus, heldUntil: string | null): boolean {
  return holdState(status, heldUntil, new Date()).kind === 'lapsed';
}
