import { AppError } from '@umrah/subgraph-kit';

export enum SeasonErrorCode {
  SEASON_NOT_FOUND = 'SEASON_NOT_FOUND',
  NO_POLICY_IN_FORCE = 'NO_POLICY_IN_FORCE',
}

export const seasonNotFound = (hijriYear: string | undefined, field?: string): AppError =>
  new AppError(
    SeasonErrorCode.SEASON_NOT_FOUND,
    hijriYear ? `There is no Umrah season ${hijriYear}.` : 'No Umrah season has been set up yet.',
    field ? { field } : {},
  );

export const noPolicyInForce = (hijriYear: string): AppError =>
  new AppError(SeasonErrorCode.NO_POLICY_IN_FORCE, `No rules are in force yet for the Umrah season ${hijriYear}.`);
