import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

export enum AccountErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  ALREADY_DISABLED = 'ALREADY_DISABLED',
  NOT_DISABLED = 'NOT_DISABLED',
  CANNOT_DISABLE_SELF = 'CANNOT_DISABLE_SELF',
}

export const invalidCredentials = (): AppError =>
  new AppError(AccountErrorCode.INVALID_CREDENTIALS, 'The email or password is not correct.');

export const accountDisabled = (): AppError =>
  new AppError(AccountErrorCode.ACCOUNT_DISABLED, 'This account has been disabled. Contact your administrator.');

export const tooManyAttempts = (retryAfterSeconds: number): AppError =>
  new AppError(AccountErrorCode.TOO_MANY_ATTEMPTS, 'Too many failed sign-in attempts. Try again later.', {
    details: { retryAfterSeconds },
  });

export const emailTaken = (): AppError =>
  new AppError(AccountErrorCode.EMAIL_TAKEN, 'Another account already uses this email.', { field: 'input.email' });

export const weakPassword = (field: string): AppError =>
  new AppError(
    AccountErrorCode.WEAK_PASSWORD,
    'The password must have at least 12 characters and mix at least two of: lower-case letters, capital letters, digits, other characters.',
    { field },
  );

export const wrongPassword = (): AppError =>
  new AppError(AccountErrorCode.WRONG_PASSWORD, 'The current password is not correct.', {
    field: 'input.currentPassword',
  });

export const accountNotFound = (): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no account with this id.');

export const alreadyDisabled = (): AppError =>
  new AppError(AccountErrorCode.ALREADY_DISABLED, 'This account is already disabled.');

export const notDisabled = (): AppError => new AppError(AccountErrorCode.NOT_DISABLED, 'This account is not disabled.');

export const cannotDisableSelf = (): AppError =>
  new AppError(AccountErrorCode.CANNOT_DISABLE_SELF, 'You cannot disable your own account.', { field: 'input.id' });
