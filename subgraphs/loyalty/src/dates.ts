const riyadhDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Riyadh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in the Kingdom at an instant, `YYYY-MM-DD`. */
export const riyadhDate = (at: Date = new Date()): string => riyadhDay.format(at);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const format = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * The same day `months` months later; a day the later month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, lastDay))));
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  return format(new Date(Date.UTC(year, month - 1, day + days)));
}

export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  return format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))) === value;
}
