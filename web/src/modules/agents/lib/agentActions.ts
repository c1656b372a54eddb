import type { AgentStatus } from '@/generated/graphql';

export type AgentAction = 'approve' | 'suspend' | 'reinstate';

// Mirrors the API's agent rules; anything else it refuses with a coded error.
const ACTIONS: Record<AgentStatus, readonly AgentAction[]> = {
  PENDING: ['approve'],
  ACTIVE: ['suspend'],
  SUSPENDED: ['reinstate'],
};

export function agentActionsFor(status: AgentStatus): readonly AgentAction[] {
  return ACTIONS[status];
}
