import { describe, expect, it } from 'vitest';
import { formatDual, formatGregorian, formatHijri, hijriParts, parseIsoDate } from './dates';

// Directional marks that Intl may put around Arabic date parts.
const plain = (text: string): string => text.replace(/[\u200e\u200f\u061c]/g, '');

describe('Umm al-Qura dates', () => {
  it('puts 20 March 2026 on 1 Shawwal 1447 (Eid al-Fitr)', () => {
    expect(hijriParts('2026-03-20')).toEqual({ year: 1447, month: 10, day: 1 });
    expect(formatHijri('2026-03-20', 'en')).toBe('1 Shawwal 1447 AH');
    expect(plain(formatHijri('2026-03-20', 'ar'))).toBe('1 شوال 1447 هـ');
  });

  it('puts the day before on 30 Ramadan 1447, and Ramadan starting on 18 February 2026', () => {
    expect(hijriParts('2026-03-19')).toEqual({ year: 1447, month: 9, day: 30 });
    expect(hijriParts('2026-02-18')).toEqual({ year: 1447, month: 9, day: 1 });
    expect(hijriParts('2026-02-17')).toEqual({ year: 1447, month: 8, day: 29 });
  });

  it('reads a DateTime on the Riyadh clock, not the browser one', () => {
    // 22:30 UTC on the 19th is 01:30 on the 20th in Riyadh (UTC+3): already Shawwal.
    expect(hijriParts('2026-03-19T22:30:00Z')).toEqual({ year: 1447, month: 10, day: 1 });
    expect(hijriParts('2026-03-19T20:30:00Z')).toEqual({ year: 1447, month: 9, day: 30 });
    expect(formatGregorian('2026-03-19T22:30:00Z', 'en')).toBe('20 March 2026');
  });

  it('shows Hijri and Gregorian side by side in both languages', () => {
    expect(formatDual('2026-03-20', 'en')).toEqual({ hijri: '1 Shawwal 1447 AH', gregorian: '20 March 2026' });
    const ar = formatDual('2026-03-20', 'ar');
    expect(plain(ar.hijri)).toBe('1 شوال 1447 هـ');
    expect(plain(ar.gregorian)).toBe('20 مارس 2026');
  });

  it('adds the Riyadh time when asked', () => {
    expect(formatGregorian('2026-03-20T09:05:00Z', 'en', { withTime: true, month: 'short' })).toBe(
      '20 Mar 2026, 12:05',
    );
  });

  it('starts 1447 on 26 June 2025', () => {
    expect(hijriParts('2025-06-26')).toEqual({ year: 1447, month: 1, day: 1 });
  });
});

describe('parseIsoDate', () => {
  it('keeps a bare date on its calendar day', () => {
    expect(parseIsoDate('2026-03-20')?.toISOString()).toBe('2026-03-20T12:00:00.000Z');
  });

  it('rejects impossible and malformed values', () => {
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('not a date')).toBeNull();
    expect(formatHijri('not a date', 'en')).toBe('not a date');
  });
});
