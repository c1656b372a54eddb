import type { AgencyContractStatus, Role } from '@/generated/graphql';

export type ContractAction = 'submit' | 'approve' | 'reject' | 'terminate';

// Mirrors the API's contract rules: a manager submits their draft and may end their own contract;
// an officer approves or rejects a submitted one (a rejected contract returns to draft) and may
// terminate one in force. The API still has the last word.
const BY_ROLE: Partial<Record<Role, Partial<Record<AgencyContractStatus, readonly ContractAction[]>>>> = {
  COMPANY_MANAGER: {
    DRAFT: ['submit', 'terminate'],
    SUBMITTED: ['terminate'],
    APPROVED: ['terminate'],
    ACTIVE: ['terminate'],
  },
  MINISTRY_OFFICER: { SUBMITTED: ['approve', 'reject'], APPROVED: ['terminate'], ACTIVE: ['terminate'] },
};

export function contractActionsFor(role: Role, status: AgencyContractStatus): readonly ContractAction[] {
  return BY_ROLE[role]?.[status] ?? [];
}

export function canCreateContract(role: Role): boolean {
  return role === 'COMPANY_MANAGER';
}
