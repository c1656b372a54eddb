import { describe, expect, it } from 'vitest';
import { dailySeries, dayRange, daysBetween, seriesTotals, statusRows, topNationalities } from './chartData';

describe('day range', () => {
  it('covers the given number of days ending today', () => {
    expect(dayRange('2026-11-21', 30)).toEqual({ from: '2026-10-23', to: '2026-11-21' });
    expect(dayRange('2026-03-01', 1)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});

describe('daily series', () => {
  const rows = [
    { day: '2026-11-19', status: 'SUBMITTED' as const, count: 3 },
    { day: '2026-11-19', status: 'ISSUED' as const, count: 1 },
    { day: '2026-11-21', status: 'ISSUED' as const, count: 5 },
    { day: '2026-11-21', status: 'REJECTED' as const, count: 9 },
    { day: '2026-10-01', status: 'SUBMITTED' as const, count: 7 },
  ];

  it('has one point per day with zeros where nothing happened, only for the chosen statuses', () => {
    expect(dailySeries(rows, '2026-11-19', '2026-11-21', ['SUBMITTED', 'ISSUED'])).toEqual([
      { day: '2026-11-19', SUBMITTED: 3, ISSUED: 1 },
      { day: '2026-11-20', SUBMITTED: 0, ISSUED: 0 },
      { day: '2026-11-21', SUBMITTED: 0, ISSUED: 5 },
    ]);
  });

  it('sums a series per status', () => {
    const points = dailySeries(rows, '2026-11-19', '2026-11-21', ['SUBMITTED', 'ISSUED']);
    expect(seriesTotals(points, ['SUBMITTED', 'ISSUED'])).toEqual({ SUBMITTED: 3, ISSUED: 6 });
  });
});

describe('status rows', () => {
  it('lists statuses in workflow order, zeros included unless asked otherwise', () => {
    const byStatus = [
      { status: 'ISSUED' as const, count: 4 },
      { status: 'SUBMITTED' as const, count: 2 },
    ];
    expect(
      statusRows(byStatus)
        .map((r) => r.status)
        .slice(0, 5),
    ).toEqual(['SUBMITTED', 'APPROVED', 'PAID', 'SENT_TO_MOFA', 'ISSUED']);
    expect(statusRows(byStatus)).toHaveLength(11);
    expect(statusRows(byStatus, { nonZero: true })).toEqual([
      { status: 'SUBMITTED', count: 2 },
      { status: 'ISSUED', count: 4 },
    ]);
  });
});

describe('top nationalities', () => {
  const byNationality = [
    { nationality: 'PK', count: 4 },
    { nationality: 'ID', count: 32 },
    { nationality: 'EG', count: 3 },
    { nationality: 'MY', count: 1 },
  ];

  it('keeps the largest and sums the rest into one row, with shares of the whole', () => {
    expect(topNationalities(byNationality, 2)).toEqual([
      { nationality: 'ID', count: 32, share: 0.8 },
      { nationality: 'PK', count: 4, share: 0.1 },
      { nationality: null, count: 4, share: 0.1 },
    ]);
  });

  it('has no "others" row when every nationality fits, and nothing for no data', () => {
    expect(topNationalities(byNationality, 10).map((r) => r.nationality)).toEqual(['ID', 'PK', 'EG', 'MY']);
    expect(topNationalities([], 10)).toEqual([]);
  });
});
