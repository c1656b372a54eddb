import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

export enum AgentErrorCode {
  AGENT_ALREADY_REGISTERED = 'AGENT_ALREADY_REGISTERED',
  INVALID_AGENT_TRANSITION = 'INVALID_AGENT_TRANSITION',
}

export const agentNotFound = (field = 'input.id'): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such external agent.', { field });

export const agentAlreadyRegistered = (): AppError =>
  new AppError(
    AgentErrorCode.AGENT_ALREADY_REGISTERED,
    'An agent with this home licence number is already registered for this country.',
    { field: 'input.homeLicenseNumber' },
  );

export const invalidAgentTransition = (from: string, to: string): AppError =>
  new AppError(AgentErrorCode.INVALID_AGENT_TRANSITION, `An agent that is ${from} cannot become ${to}.`, {
    details: { from, to },
  });
