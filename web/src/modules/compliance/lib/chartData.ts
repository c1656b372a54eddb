/** Score bands of the distribution chart, worst first. */
export const SCORE_BANDS = [
  { key: '0-49', min: 0, max: 49 },
  { key: '50-69', min: 50, max: 69 },
  { key: '70-89', min: 70, max: 89 },
  { key: '90-100', min: 90, max: 100 },
] as const;

export type ScoreBand = (typeof SCORE_BANDS)[number]['key'];

export function scoreDistribution(scores: readonly number[]): { band: ScoreBand; count: number }[] {
  return SCORE_BANDS.map(({ key, min, max }) => ({
    band: key,
    count: scores.filter((s) => s >= min && s <= max).length,
  }));
}

/** How many of `items` fall under each of `keys`, in the order of `keys` (zeros kept). */
export function countBy<K extends string>(keys: readonly K[], items: readonly K[]): { key: K; count: number }[] {
  return keys.map((key) => ({ key, count: items.filter((item) => item === key).length }));
}
