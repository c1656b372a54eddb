import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

/** Why a step of a complaint is refused; each comes with a sentence a manager understands. */
export enum ComplaintErrorCode {
  INVALID_COMPLAINT_TRANSITION = 'INVALID_COMPLAINT_TRANSITION',
  COMPLAINT_ESCALATED = 'COMPLAINT_ESCALATED',
}

export const complaintNotFound = (field = 'id'): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such complaint.', { field });

export const providerNotFound = (field = 'input.providerId'): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such service provider.', { field });

export const invalidComplaintTransition = (from: string, to: string): AppError =>
  new AppError(
    ComplaintErrorCode.INVALID_COMPLAINT_TRANSITION,
    from === 'RESOLVED'
      ? 'This complaint is already resolved; a resolution is final.'
      : `A ${from} complaint cannot become ${to}.`,
    { details: { from, to } },
  );

export const complaintEscalated = (): AppError =>
  new AppError(
    ComplaintErrorCode.COMPLAINT_ESCALATED,
    'The ministry has escalated this complaint: you may still answer it, but only the ministry can close it.',
    { field: 'resolved' },
  );
