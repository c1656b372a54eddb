import { describe, expect, it } from 'vitest';
import { checkComplete, checkComponents, holyCity, type ComponentItem } from './service-package.composition';

const items = new Map<string, ComponentItem>([
  ['makkah-hotel', { kind: 'HOTEL', city: 'Makkah' }],
  ['makkah-hotel-2', { kind: 'HOTEL', city: 'MAKKAH' }],
  ['madinah-hotel', { kind: 'HOTEL', city: 'Madinah' }],
  ['jeddah-hotel', { kind: 'HOTEL', city: 'Jeddah' }],
  ['coach', { kind: 'TRANSPORT', city: 'Jeddah' }],
]);
const stay = { makkahNights: 5, madinahNights: 3 };
const full = [
  { itemId: 'coach', dayOffset: 0, days: 1 },
  { itemId: 'makkah-hotel', dayOffset: 0, days: 5 },
  { itemId: 'madinah-hotel', dayOffset: 5, days: 3 },
  { itemId: 'coach', dayOffset: 8, days: 1 },
];
const codeOf = (fn: () => void): unknown => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
};

describe('package composition', () => {
  it('accepts a complete stay with a coach on the days of arrival and leaving', () => {
    expect(codeOf(() => checkComponents(stay, full, items))).toBeNull();
    expect(codeOf(() => checkComplete(stay, full, items))).toBeNull();
  });

  it('splits a city’s nights between hotels, without sharing a night', () => {
    const split = [
      { itemId: 'makkah-hotel', dayOffset: 0, days: 2 },
      { itemId: 'makkah-hotel-2', dayOffset: 2, days: 3 },
      { itemId: 'madinah-hotel', dayOffset: 5, days: 3 },
    ];
    expect(codeOf(() => checkComponents(stay, split, items))).toBeNull();
    expect(codeOf(() => checkComplete(stay, split, items))).toBeNull();
  });

  it('refuses hotel nights past the last night, but lets a coach use the day of leaving', () => {
    expect(
      codeOf(() => checkComponents(stay, [{ itemId: 'madinah-hotel', dayOffset: 6, days: 3 }], items)),
    ).toMatchObject({ code: 'COMPONENT_OUTSIDE_STAY', field: 'input.components.0.days' });
    expect(codeOf(() => checkComponents(stay, [{ itemId: 'coach', dayOffset: 9, days: 1 }], items))).toMatchObject({
      code: 'COMPONENT_OUTSIDE_STAY',
    });
  });

  it('refuses two hotels on one night and one item twice on one day, naming the later one', () => {
    const twoBeds = [
      { itemId: 'makkah-hotel', dayOffset: 0, days: 5 },
      { itemId: 'madinah-hotel', dayOffset: 4, days: 3 },
    ];
    expect(codeOf(() => checkComponents(stay, twoBeds, items))).toMatchObject({
      code: 'COMPONENTS_OVERLAP',
      field: 'input.components.1',
      details: { otherPosition: 0, day: 4 },
    });
    const twice = [
      { itemId: 'coach', dayOffset: 0, days: 3 },
      { itemId: 'coach', dayOffset: 2, days: 1 },
    ];
    expect(codeOf(() => checkComponents(stay, twice, items))).toMatchObject({ code: 'COMPONENTS_OVERLAP' });
  });

  it('refuses a hotel outside the holy cities', () => {
    expect(
      codeOf(() => checkComponents(stay, [{ itemId: 'jeddah-hotel', dayOffset: 0, days: 1 }], items)),
    ).toMatchObject({ code: 'HOTEL_OUTSIDE_HOLY_CITIES', details: { city: 'Jeddah' } });
    expect([holyCity(' makkah '), holyCity('Madinah'), holyCity('Taif')]).toEqual(['Makkah', 'Madinah', null]);
  });

  it('calls a package complete only when each city’s hotels give exactly its nights', () => {
    const short = full.filter((c) => c.itemId !== 'madinah-hotel');
    expect(codeOf(() => checkComplete(stay, short, items))).toMatchObject({
      code: 'NIGHTS_NOT_COVERED',
      details: { city: 'Madinah', nights: 3, covered: 0 },
    });
    const misplaced = [{ itemId: 'makkah-hotel', dayOffset: 0, days: 8 }];
    expect(codeOf(() => checkComplete(stay, misplaced, items))).toMatchObject({
      code: 'NIGHTS_NOT_COVERED',
      details: { city: 'Makkah', nights: 5, covered: 8 },
    });
  });

  it('refuses more than 30 components and a component of no days', () => {
    const many = Array.from({ length: 31 }, (_, i) => ({ itemId: 'coach', dayOffset: i % 9, days: 1 }));
    expect(codeOf(() => checkComponents(stay, many, items))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(codeOf(() => checkComponents(stay, [{ itemId: 'coach', dayOffset: 0, days: 0 }], items))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.components.0.days',
    });
  });
});
