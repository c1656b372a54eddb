import { AppError } from '@umrah/subgraph-kit';

export enum LedgerErrorCode {
  INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS',
  STATEMENT_TOO_LONG = 'STATEMENT_TOO_LONG',
}

export const adjustmentOverdraws = (balance: number, points: number): AppError =>
  new AppError(
    LedgerErrorCode.INSUFFICIENT_POINTS,
    `The balance is ${balance.toLocaleString('en')} points: taking ${(-points).toLocaleString('en')} would leave it below zero.`,
    { field: 'input.points', details: { balance } },
  );

export const statementTooLong = (max: number): AppError =>
  new AppError(
    LedgerErrorCode.STATEMENT_TOO_LONG,
    `The period holds more than ${max.toLocaleString('en')} entries; export a shorter period.`,
    { field: 'to' },
  );
