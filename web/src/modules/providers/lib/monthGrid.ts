/** First and last day (YYYY-MM-DD) of a month given as YYYY-MM. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month's days in weeks of seven, Sunday first (the Saudi working week); null pads the edges. */
export function monthWeeks(month: string): (string | null)[][] {
  const { from, to } = monthBounds(month);
  const lastDay = Number(to.slice(8));
  const lead = new Date(`${from}T12:00:00Z`).getUTCDay();
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: lastDay }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}
