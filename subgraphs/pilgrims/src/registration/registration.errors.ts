import { AppError } from '@umrah/subgraph-kit';

/** Why a group or pilgrim registration is refused; each comes with a sentence a manager understands. */
export enum RegistrationErrorCode {
  AGENT_NOT_CONTRACTED = 'AGENT_NOT_CONTRACTED',
  COMPANY_MAY_NOT_OPERATE = 'COMPANY_MAY_NOT_OPERATE',
  PASSPORT_EXPIRES_TOO_SOON = 'PASSPORT_EXPIRES_TOO_SOON',
  MRZ_INVALID = 'MRZ_INVALID',
  DUPLICATE_PILGRIM = 'DUPLICATE_PILGRIM',
  GROUP_NOT_FOUND = 'GROUP_NOT_FOUND',
  GROUP_NUMBER_TAKEN = 'GROUP_NUMBER_TAKEN',
}

export const agentNotContracted = (): AppError =>
  new AppError(
    RegistrationErrorCode.AGENT_NOT_CONTRACTED,
    'Your agency has no agency contract in force with this company, so it cannot register for it.',
    { field: 'input.companyId' },
  );

export const companyMayNotOperate = (): AppError =>
  new AppError(
    RegistrationErrorCode.COMPANY_MAY_NOT_OPERATE,
    'The company’s licence is not active, so it cannot take new groups or pilgrims.',
    { field: 'input.companyId' },
  );

export const passportExpiresTooSoon = (mustLastUntil: string, months: number): AppError =>
  new AppError(
    RegistrationErrorCode.PASSPORT_EXPIRES_TOO_SOON,
    `The passport must stay valid at least ${months} months after departure, that is until ${mustLastUntil} or later.`,
    { field: 'input.passportExpiresOn' },
  );

export const mrzInvalid = (details: Record<string, string>): AppError =>
  new AppError(
    RegistrationErrorCode.MRZ_INVALID,
    `The passport’s machine-readable lines do not check out (${Object.keys(details).join(', ')}); retype them from the passport.`,
    { field: 'input.mrz', details },
  );

export const duplicatePilgrim = (season: string): AppError =>
  new AppError(
    RegistrationErrorCode.DUPLICATE_PILGRIM,
    `A pilgrim with this passport and nationality is already registered for the ${season} season.`,
    { field: 'input.passportNumber' },
  );

export const groupNotFound = (): AppError =>
  new AppError(RegistrationErrorCode.GROUP_NOT_FOUND, 'There is no such group you may register pilgrims into.', {
    field: 'input.groupId',
  });

export const groupNumberTaken = (groupNumber: string): AppError =>
  new AppError(RegistrationErrorCode.GROUP_NUMBER_TAKEN, `Group number ${groupNumber} is already in use.`, {
    field: 'input.groupNumber',
  });
