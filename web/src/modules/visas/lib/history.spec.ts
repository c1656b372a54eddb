import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { actorOf, recordedReason } from './history';
import { splitRecordedReason, visaFailure } from './visaErrors';

describe('recorded reasons', () => {
  it('reads an automatic refusal as its code and sentence', () => {
    expect(
      recordedReason('REJECTED', 'BOOKING_REQUIRED: The pilgrim has no confirmed booking on an approved package.'),
    ).toEqual({
      kind: 'refusal',
      code: 'BOOKING_REQUIRED',
      text: 'The pilgrim has no confirmed booking on an approved package.',
    });
  });

  it('reads an arrival as the kind of port and the port', () => {
    expect(recordedReason('ARRIVED', 'AIR: King Abdulaziz International Airport')).toEqual({
      kind: 'port',
      portKind: 'AIR',
      port: 'King Abdulaziz International Airport',
    });
  });

  it('keeps a person’s words as they are, even when they start with capitals and a colon', () => {
    expect(recordedReason('REJECTED', 'Passport photo unreadable; resubmit.')).toEqual({
      kind: 'text',
      text: 'Passport photo unreadable; resubmit.',
    });
    expect(recordedReason('CANCELLED', 'NOTE: the pilgrim postponed')).toEqual({
      kind: 'text',
      text: 'NOTE: the pilgrim postponed',
    });
    expect(splitRecordedReason('DECLINED: card refused')).toEqual({ code: null, text: 'DECLINED: card refused' });
  });
});

describe('who took a step', () => {
  const viewer = '0190a1b2-0000-7000-8000-0000000000aa';
  it('names the system, the viewer and a manager’s decision', () => {
    expect(actorOf({ changedBy: null, fromStatus: 'APPROVED', toStatus: 'PAID' }, viewer)).toEqual({ kind: 'system' });
    expect(actorOf({ changedBy: viewer, fromStatus: 'SUBMITTED', toStatus: 'APPROVED' }, viewer)).toEqual({
      kind: 'you',
    });
    expect(
      actorOf({ changedBy: 'other-account-123456', fromStatus: 'SUBMITTED', toStatus: 'REJECTED' }, viewer),
    ).toEqual({
      kind: 'manager',
    });
  });

  it('falls back to the end of the account id where the role cannot be told', () => {
    expect(actorOf({ changedBy: 'other-account-123456', fromStatus: 'ISSUED', toStatus: 'CANCELLED' }, viewer)).toEqual(
      {
        kind: 'account',
        shortId: '123456',
      },
    );
  });
});

describe('visa refusals', () => {
  it('finds the visa code and the API’s sentence in a GraphQL error', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'The company has used all 50 visas of its quota.', extensions: { code: 'QUOTA_EXCEEDED' } }],
    });
    expect(visaFailure(error)).toEqual({
      code: 'QUOTA_EXCEEDED',
      message: 'The company has used all 50 visas of its quota.',
    });
  });

  it('leaves other failures to the general explanation', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] });
    expect(visaFailure(error)).toBeNull();
    expect(visaFailure(new Error('network down'))).toBeNull();
  });
});
