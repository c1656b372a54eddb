import { describe, expect, it } from 'vitest';
import { formatSar } from './money';

const plain = (text: string): string =>
  text
    .replace(/[\u200e\u200f\u061c\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('formatSar', () => {
  it('turns halalas into riyals with two decimals', () => {
    expect(plain(formatSar(123450, 'en'))).toBe('SAR 1,234.50');
    expect(plain(formatSar(5, 'en'))).toBe('SAR 0.05');
    expect(plain(formatSar(0, 'en'))).toBe('SAR 0.00');
    expect(plain(formatSar(2_500_000_00, 'en'))).toBe('SAR 2,500,000.00');
  });

  it('writes Arabic with the riyal sign and Latin digits', () => {
    const text = plain(formatSar(123450, 'ar'));
    expect(text).toContain('1,234.50');
    expect(text).toContain('ر.س');
  });

  it('keeps every halala of a large amount', () => {
    expect(plain(formatSar(9_007_199_254_740_99, 'en'))).toBe('SAR 9,007,199,254,740.99');
  });

  it('refuses a fractional amount', () => {
    expect(() => formatSar(10.5, 'en')).toThrow(RangeError);
  });
});
