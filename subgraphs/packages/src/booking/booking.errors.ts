import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

/** Why a booking or a step of it is refused; each comes with a sentence a manager understands. */
export enum BookingErrorCode {
  PACKAGE_NOT_APPROVED = 'PACKAGE_NOT_APPROVED',
  BOOKING_OUTSIDE_PACKAGE_DATES = 'BOOKING_OUTSIDE_PACKAGE_DATES',
  BOOKING_LENGTH_MISMATCH = 'BOOKING_LENGTH_MISMATCH',
  BOOKING_STARTS_IN_THE_PAST = 'BOOKING_STARTS_IN_THE_PAST',
  PILGRIM_ALREADY_BOOKED = 'PILGRIM_ALREADY_BOOKED',
  INVALID_BOOKING_TRANSITION = 'INVALID_BOOKING_TRANSITION',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

export const bookingNotFound = (field = 'id'): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such booking.', { field });

export const packageNotFound = (): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such service package of your company.', {
    field: 'input.packageId',
  });

export const packageNotApproved = (status: string, field = 'input.packageId'): AppError =>
  new AppError(
    BookingErrorCode.PACKAGE_NOT_APPROVED,
    `The package is ${status}: only a package the ministry has approved may be booked.`,
    { field, details: { packageStatus: status } },
  );

export const outsidePackageDates = (saleStartsOn: string, saleEndsOn: string): AppError =>
  new AppError(
    BookingErrorCode.BOOKING_OUTSIDE_PACKAGE_DATES,
    `The stay must fall within the package’s dates, from ${saleStartsOn} to ${saleEndsOn}.`,
    { field: 'input.startsOn', details: { saleStartsOn, saleEndsOn } },
  );

export const lengthMismatch = (nights: number): AppError =>
  new AppError(
    BookingErrorCode.BOOKING_LENGTH_MISMATCH,
    `The package is a stay of ${nights} nights: the last day must be ${nights} days after the first.`,
    { field: 'input.endsOn', details: { nights } },
  );

export const startsInThePast = (today: string): AppError =>
  new AppError(BookingErrorCode.BOOKING_STARTS_IN_THE_PAST, `A booking cannot start before today (${today}).`, {
    field: 'input.startsOn',
    details: { today },
  });

export const pilgrimAlreadyBooked = (): AppError =>
  new AppError(
    BookingErrorCode.PILGRIM_ALREADY_BOOKED,
    'This pilgrim already has a booking that is held or confirmed; cancel it before booking another.',
    { field: 'input.pilgrimId' },
  );

export const invalidBookingTransition = (from: string, to: string): AppError =>
  new AppError(BookingErrorCode.INVALID_BOOKING_TRANSITION, `A ${from} booking cannot become ${to}.`, {
    details: { from, to },
  });

/** A HELD booking whose hold deadline has passed (expired or about to be): it can no longer be confirmed. */
export const holdLapsed = (heldUntil: Date): AppError =>
  new AppError(
    BookingErrorCode.INVALID_BOOKING_TRANSITION,
    `The hold on this booking lapsed at ${heldUntil.toISOString()} before it was paid; its places were given back. Book the pilgrim again.`,
    { details: { from: 'EXPIRED', to: 'CONFIRMED', heldUntil: heldUntil.toISOString() } },
  );

export const idempotencyKeyReused = (): AppError =>
  new AppError(
    BookingErrorCode.IDEMPOTENCY_KEY_REUSED,
    'This idempotency key was already used for a different booking; use a new key for a new booking.',
    { field: 'idempotencyKey' },
  );
