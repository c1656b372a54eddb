import { useTranslation } from 'react-i18next';
import type { ComplaintStatus, ViolationStatus } from '@/generated/graphql';
import { StatusTag, type Tone } from '@/lib/StatusTag';
import { localized, useLanguage } from '@/lib/useLanguage';
import { slaState, splitDuration, type SlaClock } from '../lib/sla';

const COMPLAINT_TONE: Record<ComplaintStatus, Tone> = {
  OPEN: 'warning',
  IN_PROGRESS: 'info',
  ESCALATED: 'error',
  RESOLVED: 'success',
};

const VIOLATION_TONE: Record<ViolationStatus, Tone> = {
  OPEN: 'warning',
  CURED: 'success',
  ESCALATED: 'error',
  CANCELLED: 'neutral',
};

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={COMPLAINT_TONE[status]}>{t(`complaintStatus.${status}`)}</StatusTag>;
}

export function ViolationStatusTag({ status }: { status: ViolationStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={VIOLATION_TONE[status]}>{t(`violationStatus.${status}`)}</StatusTag>;
}

/** A span of minutes as "2 d 5 h" / "3 h 10 min", in the user's language. */
export function useDuration(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) => {
    const { days, hours, minutes: mins } = splitDuration(minutes);
    if (days > 0) return t('compliance.duration.daysHours', { days, hours });
    if (hours > 0) return t('compliance.duration.hoursMinutes', { hours, minutes: mins });
    return t('compliance.duration.minutes', { minutes: mins });
  };
}

/** The SLA clock in words and colour: time left, overdue by how long, or met/missed once resolved. */
export function SlaIndicator({ clock, now }: { clock: SlaClock; now: Date }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const state = slaState(clock, now);
  const text =
    'minutes' in state
      ? t(`compliance.sla.${state.kind}`, { time: duration(state.minutes) })
      : t(`compliance.sla.${state.kind}`);
  return <StatusTag tone={state.tone}>{text}</StatusTag>;
}

interface Named {
  nameAr: string;
  nameEn: string;
}

/** The party a complaint, inspection or violation is against, with what kind of party it is. */
export function PartyName({ company, provider }: { company?: Named | null; provider?: Named | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const party = company ?? provider;
  if (!party) return <span>—</span>;
  return (
    <span>
      {localized(language, party.nameAr, party.nameEn)}{' '}
      <span className="compliance-party-kind">
        ({t(company ? 'compliance.partyCompany' : 'compliance.partyProvider')})
      </span>
    </span>
  );
}
