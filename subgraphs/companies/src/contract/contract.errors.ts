import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

export enum ContractErrorCode {
  INVALID_CONTRACT_TRANSITION = 'INVALID_CONTRACT_TRANSITION',
  CONTRACT_CUTOFF_PASSED = 'CONTRACT_CUTOFF_PASSED',
  CONTRACT_OVERLAPS = 'CONTRACT_OVERLAPS',
  AGENT_NOT_ACTIVE = 'AGENT_NOT_ACTIVE',
  COMPANY_MAY_NOT_OPERATE = 'COMPANY_MAY_NOT_OPERATE',
}

export const contractNotFound = (field = 'input.id'): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such agency contract.', { field });

export const invalidContractTransition = (from: string, to: string): AppError =>
  new AppError(ContractErrorCode.INVALID_CONTRACT_TRANSITION, `A ${from} agency contract cannot become ${to}.`, {
    details: { from, to },
  });

export const contractCutoffPassed = (cutoff: string): AppError =>
  new AppError(
    ContractErrorCode.CONTRACT_CUTOFF_PASSED,
    `Agency contracts could be registered this season until ${cutoff}; that date has passed.`,
    { details: { contractCutoffOn: cutoff } },
  );

export const contractOverlaps = (): AppError =>
  new AppError(
    ContractErrorCode.CONTRACT_OVERLAPS,
    'This company already holds a live contract with this agent for the same season or overlapping dates.',
    { field: 'input.validFrom' },
  );

export const agentNotActive = (status: string, field: string | null = 'input.agentId'): AppError =>
  new AppError(
    ContractErrorCode.AGENT_NOT_ACTIVE,
    `The agent is ${status}: only an active agent may hold a new or newly approved contract.`,
    { ...(field ? { field } : {}), details: { agentStatus: status } },
  );

export const companyMayNotOperate = (licenseStatus: string): AppError =>
  new AppError(
    ContractErrorCode.COMPANY_MAY_NOT_OPERATE,
    `The company's licence is ${licenseStatus}: it may not take new agency contracts until it is active again.`,
    { details: { licenseStatus } },
  );
