import { AppError } from '@umrah/subgraph-kit';

/** Why a visa step is refused; each code comes with a sentence a manager understands. */
export enum VisaErrorCode {
  VISA_NOT_FOUND = 'VISA_NOT_FOUND',
  PILGRIM_NOT_FOUND = 'PILGRIM_NOT_FOUND',
  VISA_ALREADY_APPLIED = 'VISA_ALREADY_APPLIED',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  ISSUANCE_CLOSED = 'ISSUANCE_CLOSED',
  COMPANY_LICENCE_NOT_ACTIVE = 'COMPANY_LICENCE_NOT_ACTIVE',
  AGENT_CONTRACT_NOT_ACTIVE = 'AGENT_CONTRACT_NOT_ACTIVE',
  BOOKING_REQUIRED = 'BOOKING_REQUIRED',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  PASSPORT_VALIDITY = 'PASSPORT_VALIDITY',
  ENTRY_WINDOW_CLOSED = 'ENTRY_WINDOW_CLOSED',
  MOFA_REFUSED = 'MOFA_REFUSED',
}

export const visaNotFound = (field = 'id'): AppError =>
  new AppError(VisaErrorCode.VISA_NOT_FOUND, 'There is no such visa application you may act on.', { field });

export const pilgrimNotFound = (): AppError =>
  new AppError(VisaErrorCode.PILGRIM_NOT_FOUND, 'There is no such pilgrim you may apply for.', {
    field: 'pilgrimId',
  });

export const visaAlreadyApplied = (): AppError =>
  new AppError(
    VisaErrorCode.VISA_ALREADY_APPLIED,
    'This pilgrim already has a visa application in progress or in use; a new one can follow only a rejected, cancelled or expired one.',
    { field: 'pilgrimId' },
  );

export const invalidTransition = (from: string, action: string): AppError =>
  new AppError(VisaErrorCode.INVALID_TRANSITION, `An application that is ${from} cannot be ${action}.`, {
    field: 'id',
    details: { status: from },
  });

export const issuanceClosed = (season: string, from: string, to: string): AppError =>
  new AppError(
    VisaErrorCode.ISSUANCE_CLOSED,
    `Visas for the ${season} season are issued from ${from} to ${to}; today is outside that period.`,
  );

export const entryWindowClosed = (enterBy: string): AppError =>
  new AppError(
    VisaErrorCode.ENTRY_WINDOW_CLOSED,
    `The visa allowed entry until ${enterBy}; an arrival after that day cannot be recorded.`,
    { field: 'input.arrivedOn' },
  );
