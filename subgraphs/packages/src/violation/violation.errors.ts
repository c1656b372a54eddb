import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

/** Why a violation or a step of it is refused; each comes with a sentence an officer understands. */
export enum ViolationErrorCode {
  INVALID_VIOLATION_TRANSITION = 'INVALID_VIOLATION_TRANSITION',
  CURE_PERIOD_RUNNING = 'CURE_PERIOD_RUNNING',
  COMPLAINT_NOT_UPHELD = 'COMPLAINT_NOT_UPHELD',
  VIOLATION_ALREADY_RECORDED = 'VIOLATION_ALREADY_RECORDED',
}

export const violationNotFound = (field = 'id'): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such violation.', { field });

export const invalidViolationTransition = (from: string, to: string): AppError =>
  new AppError(ViolationErrorCode.INVALID_VIOLATION_TRANSITION, `A ${from} violation cannot become ${to}.`, {
    details: { from, to },
  });

export const curePeriodRunning = (cureDueOn: string): AppError =>
  new AppError(
    ViolationErrorCode.CURE_PERIOD_RUNNING,
    `The cure period runs until ${cureDueOn}: the violation can be escalated only after that day.`,
    { details: { cureDueOn } },
  );

export const complaintNotUpheld = (): AppError =>
  new AppError(
    ViolationErrorCode.COMPLAINT_NOT_UPHELD,
    'A COMPLAINT_UPHELD violation needs a complaint the ministry resolved as upheld.',
    { field: 'input.complaintId' },
  );

export const violationAlreadyRecorded = (): AppError =>
  new AppError(
    ViolationErrorCode.VIOLATION_ALREADY_RECORDED,
    'This complaint already has a COMPLAINT_UPHELD violation that is not cancelled.',
    { field: 'input.complaintId' },
  );
