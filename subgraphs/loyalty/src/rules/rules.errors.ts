import { AppError } from '@umrah/subgraph-kit';

export enum RulesErrorCode {
  NO_RULES_IN_FORCE = 'NO_RULES_IN_FORCE',
  RULES_CHANGED_CONCURRENTLY = 'RULES_CHANGED_CONCURRENTLY',
}

export const noRulesInForce = (): AppError =>
  new AppError(RulesErrorCode.NO_RULES_IN_FORCE, 'No Al-Barakat earning rules are in force yet.');

export const rulesChangedConcurrently = (): AppError =>
  new AppError(
    RulesErrorCode.RULES_CHANGED_CONCURRENTLY,
    'Another change to the earning rules was saved at the same moment; review the rules in force and try again.',
  );
