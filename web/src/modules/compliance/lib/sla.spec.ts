import { describe, expect, it } from 'vitest';
import { slaState, splitDuration } from './sla';

const NOW = new Date('2026-11-21T12:00:00Z');
const clock = (status: 'OPEN' | 'IN_PROGRESS' | 'ESCALATED' | 'RESOLVED', dueAt: string, breached = false) => ({
  status,
  slaHours: 72,
  slaDueAt: dueAt,
  slaBreached: breached,
});

describe('the SLA indicator of a complaint', () => {
  it('runs with the time left while far from due', () => {
    expect(slaState(clock('OPEN', '2026-11-23T12:00:00Z'), NOW)).toEqual({
      kind: 'running',
      tone: 'info',
      minutes: 2880,
    });
  });

  it('warns in the last quarter of the allowed time', () => {
    expect(slaState(clock('IN_PROGRESS', '2026-11-22T05:00:00Z'), NOW)).toMatchObject({
      kind: 'dueSoon',
      minutes: 1020,
    });
  });

  it('is overdue once the due time has passed, by how long', () => {
    expect(slaState(clock('ESCALATED', '2026-11-21T09:30:00Z'), NOW)).toEqual({
      kind: 'overdue',
      tone: 'error',
      minutes: 150,
    });
  });

  it('trusts the API when it already counted a breach', () => {
    expect(slaState(clock('OPEN', '2026-11-22T12:00:00Z', true), NOW).kind).toBe('overdue');
  });

  it('says whether a resolved complaint met its SLA, not the time left', () => {
    expect(slaState(clock('RESOLVED', '2026-11-01T00:00:00Z'), NOW)).toEqual({ kind: 'met', tone: 'success' });
    expect(slaState(clock('RESOLVED', '2026-11-01T00:00:00Z', true), NOW)).toEqual({ kind: 'missed', tone: 'error' });
  });
});

describe('durations', () => {
  it('splits minutes into days, hours and minutes', () => {
    expect(splitDuration(1 * 1440 + 5 * 60 + 7)).toEqual({ days: 1, hours: 5, minutes: 7 });
    expect(splitDuration(-3)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
