import { describe, expect, it } from 'vitest';
import { formatTimeLeft, holdState } from './holdDeadline';

const now = new Date('2026-11-21T09:00:00Z');
const inMinutes = (minutes: number): string => new Date(now.getTime() + minutes * 60_000).toISOString();

describe('holdState', () => {
  it('counts the minutes left of a HELD booking’s hold', () => {
    expect(holdState('HELD', inMinutes(24 * 60), now)).toEqual({ kind: 'running', tone: 'info', minutes: 1440 });
  });

  it('warns in the last three hours', () => {
    expect(holdState('HELD', inMinutes(180), now)).toEqual({ kind: 'endingSoon', tone: 'warning', minutes: 180 });
    expect(holdState('HELD', inMinutes(181), now).kind).toBe('running');
  });

  it('says the hold lapsed at and after the deadline, before the server has expired it', () => {
    expect(holdState('HELD', inMinutes(0), now)).toEqual({ kind: 'lapsed', tone: 'error' });
    expect(holdState('HELD', inMinutes(-90), now).kind).toBe('lapsed');
  });

  it('shows nothing for other bookings or a hold without a deadline', () => {
    for (const status of ['CONFIRMED', 'CANCELLED', 'EXPIRED'] as const) {
      expect(holdState(status, inMinutes(60), now)).toEqual({ kind: 'none' });
    }
    expect(holdState('HELD', null, now)).toEqual({ kind: 'none' });
  });
});

describe('formatTimeLeft', () => {
  it('writes hours and minutes under a day, days and hours beyond', () => {
    expect(formatTimeLeft(5 * 60 + 20, 'en')).toBe('5 hours, 20 minutes');
    expect(formatTimeLeft(45, 'en')).toBe('45 minutes');
    expect(formatTimeLeft(120, 'en')).toBe('2 hours');
    expect(formatTimeLeft(1440 + 3 * 60 + 59, 'en')).toBe('1 day, 3 hours');
    expect(formatTimeLeft(0, 'en')).toBe('0 minutes');
  });

  it('uses Arabic plural forms', () => {
    expect(formatTimeLeft(3 * 60 + 1, 'ar')).toMatch(/3 ساعات/);
    expect(formatTimeLeft(11 * 60, 'ar')).toMatch(/11 ساعة/);
  });
});
