import { describe, expect, it } from 'vitest';
import type { ComplaintStatus, Role } from '@/generated/graphql';
import { canFileComplaint, canRecordInspections, complaintActions, violationActions } from './complianceActions';

const SAFWA = 'company-safwa';
const against = (status: ComplaintStatus) => ({ status, company: { id: SAFWA }, provider: null });

describe('complaint actions by role', () => {
  it('lets the officer escalate or resolve until resolved, and only resolve once escalated', () => {
    const officer = { role: 'MINISTRY_OFFICER' as const };
    expect(complaintActions(officer, against('OPEN'))).toEqual(['escalate', 'resolve']);
    expect(complaintActions(officer, against('IN_PROGRESS'))).toEqual(['escalate', 'resolve']);
    expect(complaintActions(officer, against('ESCALATED'))).toEqual(['resolve']);
    expect(complaintActions(officer, against('RESOLVED'))).toEqual([]);
  });

  it('lets the company complained about answer, but not while the ministry holds it', () => {
    const manager = { role: 'COMPANY_MANAGER' as const, companyId: SAFWA };
    expect(complaintActions(manager, against('OPEN'))).toEqual(['answer']);
    expect(complaintActions(manager, against('IN_PROGRESS'))).toEqual(['answer']);
    expect(complaintActions(manager, against('ESCALATED'))).toEqual([]);
    expect(complaintActions({ role: 'COMPANY_MANAGER', companyId: 'another' }, against('OPEN'))).toEqual([]);
  });

  it('lets a provider answer complaints against it only', () => {
    const complaint = { status: 'OPEN' as const, company: null, provider: { id: 'p1' } };
    expect(complaintActions({ role: 'PROVIDER', providerId: 'p1' }, complaint)).toEqual(['answer']);
    expect(complaintActions({ role: 'PROVIDER', providerId: 'p2' }, complaint)).toEqual([]);
  });

  it('gives supervisors and agents nothing to change', () => {
    for (const role of ['MINISTRY_SUPERVISOR', 'AGENT'] as Role[])
      expect(complaintActions({ role, companyId: SAFWA }, against('OPEN'))).toEqual([]);
  });

  it('lets officers, managers and agents file complaints, not supervisors or providers', () => {
    expect((['MINISTRY_OFFICER', 'COMPANY_MANAGER', 'AGENT'] as Role[]).every(canFileComplaint)).toBe(true);
    expect(canFileComplaint('MINISTRY_SUPERVISOR')).toBe(false);
    expect(canFileComplaint('PROVIDER')).toBe(false);
  });
});

describe('violation actions', () => {
  it('offers escalation only after the cure period', () => {
    expect(violationActions('MINISTRY_OFFICER', { status: 'OPEN', cureOverdue: false })).toEqual(['cure', 'cancel']);
    expect(violationActions('MINISTRY_OFFICER', { status: 'OPEN', cureOverdue: true })).toEqual([
      'cure',
      'escalate',
      'cancel',
    ]);
    expect(violationActions('MINISTRY_OFFICER', { status: 'CURED', cureOverdue: false })).toEqual(['cancel']);
    expect(violationActions('MINISTRY_OFFICER', { status: 'CANCELLED', cureOverdue: false })).toEqual([]);
  });

  it('gives the supervisor and the parties no action', () => {
    for (const role of ['MINISTRY_SUPERVISOR', 'COMPANY_MANAGER', 'PROVIDER'] as Role[])
      expect(violationActions(role, { status: 'OPEN', cureOverdue: true })).toEqual([]);
    expect(canRecordInspections('MINISTRY_SUPERVISOR')).toBe(false);
    expect(canRecordInspections('MINISTRY_OFFICER')).toBe(true);
  });
});
