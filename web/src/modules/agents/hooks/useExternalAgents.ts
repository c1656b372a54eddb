import { ExternalAgentsDocument, type ExternalAgentFilter, type ExternalAgentsQuery } from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const AGENTS_PAGE_SIZE = 25;

export type AgentRow = ExternalAgentsQuery['externalAgents']['edges'][number]['node'];

/** The registry of external agents, filtered server-side. */
export function useExternalAgents(filter: ExternalAgentFilter) {
  return useConnection(ExternalAgentsDocument, { first: AGENTS_PAGE_SIZE, filter }, (data) => data.externalAgents);
}
