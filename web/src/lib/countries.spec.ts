import { describe, expect, it } from 'vitest';
import { countryName, REGION_CODES } from './countries';

describe('countryName', () => {
  it('names a country in the UI language', () => {
    expect(countryName('ID', 'en')).toBe('Indonesia');
    expect(countryName('ID', 'ar')).toBe('إندونيسيا');
    expect(countryName('pk', 'en')).toBe('Pakistan');
  });

  it('falls back to the code', () => {
    expect(countryName('not-a-code', 'en')).toBe('not-a-code');
  });

  it('lists each ISO 3166-1 alpha-2 code once', () => {
    expect(new Set(REGION_CODES).size).toBe(REGION_CODES.length);
    expect(REGION_CODES.length).toBe(249);
    expect(REGION_CODES.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
  });
});
