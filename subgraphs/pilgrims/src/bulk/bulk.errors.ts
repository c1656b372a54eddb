import { AppError, badInput } from '@umrah/subgraph-kit';
import { RegistrationErrorCode } from '../registration/registration.errors';
import { MAX_PILGRIMS_PER_CALL } from './bulk.inputs';

/** Why a whole bulk registration is refused, beside the registration codes (access, company standing). */
export enum BulkRegistrationErrorCode {
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

export const rowCountOutOfRange = (): AppError =>
  badInput(
    'input.rows',
    `Send 1 to ${MAX_PILGRIMS_PER_CALL} pilgrims in one call; split a longer list into several calls.`,
  );

export const idempotencyKeyReused = (): AppError =>
  new AppError(
    BulkRegistrationErrorCode.IDEMPOTENCY_KEY_REUSED,
    'This idempotency key was already used for a different list of pilgrims; use a new key for a new list.',
    { field: 'idempotencyKey' },
  );

/** A row repeating the passport of an earlier row of the same list (the earlier one is the one registered). */
export const repeatedInList = (index: number): AppError =>
  new AppError(
    RegistrationErrorCode.DUPLICATE_PILGRIM,
    'This passport and nationality appear earlier in the same list; each pilgrim is registered once.',
    { field: `rows.${index}.passportNumber` },
  );
