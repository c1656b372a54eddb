import { useTranslation } from 'react-i18next';
import type { AgentStatus } from '@/generated/graphql';
import { StatusTag, type Tone } from '@/lib/StatusTag';

export const AGENT_STATUSES: readonly AgentStatus[] = ['PENDING', 'ACTIVE', 'SUSPENDED'];

const TONE: Record<AgentStatus, Tone> = { PENDING: 'info', ACTIVE: 'success', SUSPENDED: 'warning' };

export function AgentStatusTag({ status }: { status: AgentStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={TONE[status]}>{t(`agentStatus.${status}`)}</StatusTag>;
}
