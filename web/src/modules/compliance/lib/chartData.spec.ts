import { describe, expect, it } from 'vitest';
import { countBy, scoreDistribution } from './chartData';

describe('compliance chart data', () => {
  it('puts each score in exactly one band, edges included', () => {
    expect(scoreDistribution([0, 49, 50, 69, 70, 89, 90, 100, 100])).toEqual([
      { band: '0-49', count: 2 },
      { band: '50-69', count: 2 },
      { band: '70-89', count: 2 },
      { band: '90-100', count: 3 },
    ]);
  });

  it('counts by key in the given order, keeping zeros', () => {
    expect(countBy(['OPEN', 'CURED', 'ESCALATED'] as const, ['CURED', 'OPEN', 'CURED'])).toEqual([
      { key: 'OPEN', count: 1 },
      { key: 'CURED', count: 2 },
      { key: 'ESCALATED', count: 0 },
    ]);
  });
});
