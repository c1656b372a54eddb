import { describe, expect, it } from 'vitest';
import type { Role, VisaStatus } from '@/generated/graphql';
import { isRetrying, isStopped, mayReadStatistics, maySubmit, pollIntervalFor, visaActionsFor } from './visaActions';

const ALL: readonly VisaStatus[] = [
  'SUBMITTED',
  'APPROVED',
  'PAID',
  'SENT_TO_MOFA',
  'ISSUED',
  'ARRIVED',
  'DEPARTED',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
  'OVERSTAYED',
];

const actions = (role: Role, status: VisaStatus, extra: { lastError?: string; nextAttemptAt?: string } = {}) =>
  visaActionsFor(role, { status, ...extra });

describe('a company manager', () => {
  it('approves or rejects a submitted application, and may withdraw it', () => {
    expect(actions('COMPANY_MANAGER', 'SUBMITTED')).toEqual(['approve', 'reject', 'cancel']);
  });

  it('withdraws before the pilgrim travels, never once MOFA has it or after', () => {
    const cancellable = ALL.filter((s) => actions('COMPANY_MANAGER', s).includes('cancel'));
    expect(cancellable).toEqual(['SUBMITTED', 'APPROVED', 'PAID', 'ISSUED']);
  });

  it('records arrival of an issued visa and departure of a pilgrim in the Kingdom', () => {
    expect(actions('COMPANY_MANAGER', 'ISSUED')).toEqual(['recordArrival', 'cancel']);
    expect(actions('COMPANY_MANAGER', 'ARRIVED')).toEqual(['recordDeparture']);
    expect(actions('COMPANY_MANAGER', 'OVERSTAYED')).toEqual(['recordDeparture']);
  });

  it('restarts processing only when it stopped on a refusal, not while a retry is scheduled', () => {
    expect(actions('COMPANY_MANAGER', 'PAID', { lastError: 'DECLINED: card refused' })).toEqual(['retry', 'cancel']);
    expect(
      actions('COMPANY_MANAGER', 'PAID', { lastError: 'MOFA timeout', nextAttemptAt: '2026-11-21T10:00:00Z' }),
    ).toEqual(['cancel']);
    expect(actions('COMPANY_MANAGER', 'APPROVED')).toEqual(['cancel']);
  });

  it('has nothing to do on a closed application', () => {
    for (const status of ['DEPARTED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'SENT_TO_MOFA'] as const) {
      expect(actions('COMPANY_MANAGER', status), status).toEqual([]);
    }
  });
});

describe('an agent', () => {
  it('only withdraws its applications before the pilgrim travels', () => {
    const byStatus = ALL.map((s) => [s, actions('AGENT', s)] as const).filter(([, a]) => a.length > 0);
    expect(byStatus).toEqual([
      ['SUBMITTED', ['cancel']],
      ['APPROVED', ['cancel']],
      ['PAID', ['cancel']],
      ['ISSUED', ['cancel']],
    ]);
  });
});

describe('the ministry', () => {
  it('an officer records entry and exit only', () => {
    const byStatus = ALL.map((s) => [s, actions('MINISTRY_OFFICER', s)] as const).filter(([, a]) => a.length > 0);
    expect(byStatus).toEqual([
      ['ISSUED', ['recordArrival']],
      ['ARRIVED', ['recordDeparture']],
      ['OVERSTAYED', ['recordDeparture']],
    ]);
  });

  it('a supervisor never gets an action, nor does a provider', () => {
    for (const status of ALL) {
      expect(actions('MINISTRY_SUPERVISOR', status, { lastError: 'x' })).toEqual([]);
      expect(actions('PROVIDER', status)).toEqual([]);
    }
  });
});

describe('processing state', () => {
  it('tells a scheduled retry from a stop', () => {
    const retrying = {
      status: 'SENT_TO_MOFA' as const,
      lastError: 'MOFA did not answer',
      nextAttemptAt: '2026-11-21T10:00:00Z',
    };
    expect(isRetrying(retrying)).toBe(true);
    expect(isStopped(retrying)).toBe(false);
    const stopped = { status: 'APPROVED' as const, lastError: 'DECLINED: insufficient funds', nextAttemptAt: null };
    expect(isStopped(stopped)).toBe(true);
    expect(isRetrying(stopped)).toBe(false);
    expect(isStopped({ status: 'APPROVED', lastError: null, nextAttemptAt: null })).toBe(false);
  });
});

describe('who may do what', () => {
  it('lets managers and agents submit, and gives statistics to managers and the ministry', () => {
    const roles: Role[] = ['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER', 'COMPANY_MANAGER', 'AGENT', 'PROVIDER'];
    expect(roles.filter(maySubmit)).toEqual(['COMPANY_MANAGER', 'AGENT']);
    expect(roles.filter(mayReadStatistics)).toEqual(['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER', 'COMPANY_MANAGER']);
  });
});

describe('following the automatic steps', () => {
  it('asks every second while payment and MOFA run', () => {
    for (const status of ['APPROVED', 'PAID', 'SENT_TO_MOFA'] as const) expect(pollIntervalFor({ status })).toBe(1000);
  });

  it('asks less often while a failed step waits for its retry, and not at all once it stopped', () => {
    expect(
      pollIntervalFor({ status: 'SENT_TO_MOFA', lastError: 'timeout', nextAttemptAt: '2026-11-21T10:00:00Z' }),
    ).toBe(5000);
    expect(pollIntervalFor({ status: 'PAID', lastError: 'DECLINED: card refused', nextAttemptAt: null })).toBeNull();
  });

  it('does not ask before approval or after issuance', () => {
    for (const status of ALL.filter((s) => !['APPROVED', 'PAID', 'SENT_TO_MOFA'].includes(s))) {
      expect(pollIntervalFor({ status }), status).toBeNull();
    }
  });
});
