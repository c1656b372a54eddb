import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isDate, riyadhDate } from './dates';

describe('dates', () => {
  it('counts months by calendar, keeping the day or ending the shorter month', () => {
    expect(addMonths('2026-11-21', 24)).toBe('2028-11-21');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-05-15', -12)).toBe('2025-05-15');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads the day on the Riyadh clock', () => {
    // 22:30 UTC is already the next day in Riyadh (UTC+3).
    expect(riyadhDate(new Date('2026-11-21T22:30:00Z'))).toBe('2026-11-22');
    expect(riyadhDate(new Date('2026-11-21T20:30:00Z'))).toBe('2026-11-21');
  });

  it('accepts only real calendar dates', () => {
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('2026-2-3')).toBe(false);
  });
});
