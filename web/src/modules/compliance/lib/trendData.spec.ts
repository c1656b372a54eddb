import { describe, expect, it } from 'vitest';
import { formatMonth, hasActivity, hijriSpan, monthRange } from './trendData';

describe('compliance trend months', () => {
  it('ends the range with the current month and counts back across a year end', () => {
    expect(monthRange('2026-11-21', 12)).toEqual({ fromMonth: '2025-12', toMonth: '2026-11' });
    expect(monthRange('2026-02-03', 3)).toEqual({ fromMonth: '2025-12', toMonth: '2026-02' });
    expect(monthRange('2026-02-03', 1)).toEqual({ fromMonth: '2026-02', toMonth: '2026-02' });
  });

  it('names a Gregorian month in both languages', () => {
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatMonth('2026-03', 'ar')).toContain('2026');
  });

  it('gives the Umm al-Qura months a Gregorian month overlaps, with the year once or twice', () => {
    expect(hijriSpan('2026-03', 'en')).toBe('Ramadan – Shawwal 1447 AH');
    expect(hijriSpan('2025-06', 'en')).toMatch(/^Dhuʻl-Hijjah 1446 AH – Muharram 1447 AH$/);
    expect(hijriSpan('2026-03', 'ar')).toContain('رمضان');
  });

  it('tells a trend with something counted from an empty one', () => {
    expect(hasActivity([{ parties: 0 }, { parties: 0 }])).toBe(false);
    expect(hasActivity([{ parties: 0 }, { parties: 2 }])).toBe(true);
  });
});
