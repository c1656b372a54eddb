import { uuidv7, type EntityManager } from '@umrah/db-kit';
import { badInput, type Viewer } from '@umrah/subgraph-kit';
import { LicensingPolicyEntity, type LicensingPolicyRow } from './policy.entity';
import { LicensingPolicy, type LicensingPolicyInput } from './policy.type';

export const isoDate = (d: Date = new Date()): string => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return isoDate(d);
}

const toType = (row: LicensingPolicyRow): LicensingPolicy => Object.assign(new LicensingPolicy(), row);

/** The rules in force on a date: the latest version effective by then. Every rule reads from here. */
export async function licensingPolicyOn(em: EntityManager, on: string = isoDate()): Promise<LicensingPolicyRow> {
  const row = await em.findOne(
    LicensingPolicyEntity,
    { effectiveFrom: { $lte: on } },
    { orderBy: { effectiveFrom: 'desc', createdAt: 'desc' } },
  );
  if (!row) throw new Error(`No licensing policy is in force on ${on}`);
  return row;
}

export async function currentPolicy(em: EntityManager): Promise<LicensingPolicy> {
  return toType(await licensingPolicyOn(em));
}

export async function policyHistory(em: EntityManager): Promise<LicensingPolicy[]> {
  const rows = await em.find(
    LicensingPolicyEntity,
    {},
    { orderBy: { effectiveFrom: 'desc', createdAt: 'desc' }, limit: 100 },
  );
  return rows.map(toType);
}

export async function addPolicyVersion(
  em: EntityManager,
  viewer: Viewer,
  input: LicensingPolicyInput,
): Promise<LicensingPolicy> {
  if (!/^[0-9]{4}$/.test(input.season)) throw badInput('input.season', 'Season must be a four-digit Hijri year.');
  const ranges: [keyof LicensingPolicyInput, number, number][] = [
    ['licenseYears', 1, 10],
    ['companyCureDays', 1, 180],
    ['agentCureDays', 1, 180],
  ];
  for (const [field, min, max] of ranges) {
    const value = input[field] as number;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw badInput(`input.${field}`, `Must be a whole number from ${min} to ${max}.`);
    }
  }
  const reason = input.reason.trim();
  if ([...reason].length < 3 || [...reason].length > 1000)
    throw badInput('input.reason', 'Give a reason of 3 to 1000 characters.');
  const row = em.create(LicensingPolicyEntity, { id: uuidv7(), ...input, reason, changedBy: viewer.accountId });
  await em.flush();
  return toType(row);
}
