import { AppError } from '@umrah/subgraph-kit';

export enum AccountErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
}

export const invalidCredentials = (): AppError =>
  new AppError(AccountErrorCode.INVALID_CREDENTIALS, 'The email or password is not correct.');

export const accountDisabled = (): AppError =>
  new AppError(AccountErrorCode.ACCOUNT_DISABLED, 'This account has been disabled. Contact your administrator.');

export const tooManyAttempts = (retryAfterSeconds: number): AppError =>
  new AppError(AccountErrorCode.TOO_MANY_ATTEMPTS, 'Too many failed sign-in attempts. Try again later.', {
    details: { retryAfterSeconds },
  });
