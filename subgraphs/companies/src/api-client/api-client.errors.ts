import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

export enum ApiClientErrorCode {
  INVALID_CLIENT = 'INVALID_CLIENT',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  ALREADY_REVOKED = 'ALREADY_REVOKED',
}

// One message for an unknown id, a wrong secret, a rotated-out secret and a revoked client.
export const invalidClient = (): AppError =>
  new AppError(ApiClientErrorCode.INVALID_CLIENT, 'The client id or secret is not valid, or the client was revoked.');

export const tooManyClientAttempts = (retryAfterSeconds: number): AppError =>
  new AppError(ApiClientErrorCode.TOO_MANY_ATTEMPTS, 'Too many failed attempts for this client. Try again later.', {
    details: { retryAfterSeconds },
  });

export const apiClientNotFound = (): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no API client with this id.');

export const alreadyRevoked = (): AppError =>
  new AppError(ApiClientErrorCode.ALREADY_REVOKED, 'This API client is already revoked.');
