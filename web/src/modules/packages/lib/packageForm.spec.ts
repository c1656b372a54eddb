import { describe, expect, it } from 'vitest';
import { addDays, availabilityPeriod, daysBetween, sarToHalalas, toPackageInput } from './packageForm';

describe('sarToHalalas', () => {
  it('turns riyals with up to two decimals into integer halalas without float drift', () => {
    expect(sarToHalalas('4500')).toBe(450_000);
    expect(sarToHalalas('0.29')).toBe(29);
    expect(sarToHalalas(1234.5)).toBe(123_450);
    expect(sarToHalalas(19.99)).toBe(1999);
  });
  it('refuses what is not an amount', () => {
    expect(sarToHalalas('')).toBeNull();
    expect(sarToHalalas('12.345')).toBeNull();
    expect(sarToHalalas('-5')).toBeNull();
    expect(sarToHalalas('abc')).toBeNull();
  });
});

describe('dates', () => {
  it('adds days across months and counts them back', () => {
    expect(addDays('2027-01-30', 3)).toBe('2027-02-02');
    expect(daysBetween('2027-01-30', '2027-02-02')).toBe(3);
  });
  it('keeps the availability period within 92 days of the sale start', () => {
    expect(availabilityPeriod('2026-12-01', '2027-06-01')).toEqual({ from: '2026-12-01', to: '2027-03-02' });
    expect(availabilityPeriod('2026-12-01', '2026-12-20')).toEqual({ from: '2026-12-01', to: '2026-12-20' });
  });
});

describe('toPackageInput', () => {
  it('sends the price in halalas and numbers as numbers', () => {
    const input = toPackageInput({
      nameAr: ' باقة ',
      nameEn: 'Package',
      priceSar: '3500.50',
      makkahNights: 4,
      madinahNights: 3,
      saleStartsOn: '2026-12-01',
      saleEndsOn: '2027-01-31',
      components: [{ itemId: 'a', dayOffset: 0, days: 4 }],
    });
    expect(input).toMatchObject({
      nameAr: 'باقة',
      priceHalalas: 350_050,
      components: [{ itemId: 'a', dayOffset: 0, days: 4 }],
    });
  });
});
