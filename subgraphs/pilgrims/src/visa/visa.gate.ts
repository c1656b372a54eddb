import type { EntityManager } from '@umrah/db-kit';
import { AppError } from '@umrah/subgraph-kit';
import { confirmedBookingsOf, type PilgrimBooking } from '../booking/booking.service';
import type { PilgrimRow } from '../pilgrim/pilgrim.entity';
import { addMonths } from '../registration/registration.service';
import type { SeasonPolicyVersionRow } from '../season/season.entity';
import { quotasInForce } from '../season/season.service';
import { agentMayActFor, companiesMayOperate } from '../standing/standing.service';
import { VisaErrorCode } from './visa.errors';

/** A precondition that failed: its code and the sentence a manager reads. */
export class GateRefusal extends AppError {}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The last day a visa issued today lets its holder enter: the entry window, within the season. */
export const enterByFor = (issuedOn: string, policy: SeasonPolicyVersionRow): string => {
  const windowEnd = addDays(issuedOn, policy.entryWindowDays);
  return windowEnd < policy.lastEntryOn ? windowEnd : policy.lastEntryOn;
};

/** The last day a pilgrim who entered on a day may stay: the permitted stay, within the season. */
export const stayUntilFor = (arrivedOn: string, policy: SeasonPolicyVersionRow): string => {
  const stayEnd = addDays(arrivedOn, policy.maxStayDays);
  return stayEnd < policy.lastDepartureOn ? stayEnd : policy.lastDepartureOn;
};

/**
 * Whether a booking covers the stay of a visa issued today: it starts within the entry window,
 * ends by the season's last departure day and is no longer than the permitted stay.
 */
export function bookingCoversStay(booking: PilgrimBooking, today: string, policy: SeasonPolicyVersionRow): boolean {
  return (
    booking.startsOn >= today &&
    booking.startsOn <= enterByFor(today, policy) &&
    booking.endsOn <= policy.lastDepartureOn &&
    daysBetween(booking.startsOn, booking.endsOn) <= policy.maxStayDays
  );
}

export interface GateSubject {
  companyId: string;
  agentId: string | null;
  pilgrim: PilgrimRow;
}

/**
 * The preconditions of issuance, checked in the order a manager would fix them: the company's
 * licence, the agent's contract, a confirmed booking covering the stay, the passport's validity.
 * Returns the first that fails (null when all hold). Quota is taken separately, under a row lock.
 */
export async function issuanceRefusal(
  em: EntityManager,
  subject: GateSubject,
  policy: SeasonPolicyVersionRow,
  today: string,
): Promise<GateRefusal | null> {
  const mayOperate = await companiesMayOperate(em, [subject.companyId], today);
  if (!mayOperate.get(subject.companyId)) {
    return new GateRefusal(
      VisaErrorCode.COMPANY_LICENCE_NOT_ACTIVE,
      'The company’s licence is not active, so no visa can be issued for its pilgrims.',
    );
  }
  if (subject.agentId && !(await agentMayActFor(em, subject.companyId, subject.agentId, today))) {
    return new GateRefusal(
      VisaErrorCode.AGENT_CONTRACT_NOT_ACTIVE,
      'The agency contract between the company and the agent who registered this pilgrim is not in force, so the visa cannot be issued.',
    );
  }
  const bookings = (await confirmedBookingsOf(em, [subject.pilgrim.id])).get(subject.pilgrim.id) ?? [];
  const booking = bookings.find((b) => b.companyId === subject.companyId && bookingCoversStay(b, today, policy));
  if (!booking) {
    return new GateRefusal(
      VisaErrorCode.BOOKING_REQUIRED,
      `The pilgrim has no confirmed booking on an approved package covering the stay: it must start between ${today} and ${enterByFor(today, policy)} and end by ${policy.lastDepartureOn}.`,
    );
  }
  const departure = booking.endsOn;
  const mustLastUntil = addMonths(departure, policy.passportValidityMonths);
  const expires = subject.pilgrim.passportExpiresOn;
  if (!expires || expires < mustLastUntil) {
    return new GateRefusal(
      VisaErrorCode.PASSPORT_VALIDITY,
      expires
        ? `The passport expires on ${expires}; it must stay valid until ${mustLastUntil}, ${policy.passportValidityMonths} months after the booked departure.`
        : `The passport’s expiry date is not recorded; it must stay valid until ${mustLastUntil}.`,
    );
  }
  return null;
}

/**
 * Takes one of the company's visa places for the season, or refuses with QUOTA_EXCEEDED. The
 * conditional update locks the company's counter row, so concurrent approvals queue on it and
 * exactly the quota gets through. Call inside the approval's transaction.
 */
export async function takeQuotaPlace(em: EntityManager, season: string, companyId: string): Promise<void> {
  const [quota] = await quotasInForce(em, [companyId], season);
  const limit = quota?.quota ?? null;
  const connection = em.getConnection();
  const ctx = em.getTransactionContext();
  await connection.execute(
    `insert into company_visa_usage (season, company_id) values (?, ?) on conflict do nothing`,
    [season, companyId],
    'run',
    ctx,
  );
  const taken = await connection.execute<{ used: number }[]>(
    `update company_visa_usage set used = used + 1
      where season = ? and company_id = ? and (?::integer is null or used < ?::integer) returning used`,
    [season, companyId, limit, limit],
    'all',
    ctx,
  );
  if (taken.length === 0) {
    throw new AppError(
      VisaErrorCode.QUOTA_EXCEEDED,
      `The company has used all ${limit ?? 0} visas of its quota for the ${season} season; ask the ministry for more.`,
    );
  }
}

/** Gives a place back when an application that held one ends before issuance. */
export async function releaseQuotaPlace(em: EntityManager, season: string, companyId: string): Promise<void> {
  await em
    .getConnection()
    .execute(
      `update company_visa_usage set used = used - 1 where season = ? and company_id = ? and used > 0`,
      [season, companyId],
      'run',
      em.getTransactionContext(),
    );
}

/** How many places each company has used in a season (one statement). */
export async function quotaUsed(
  em: EntityManager,
  season: string,
  companyIds: readonly string[],
): Promise<Map<string, number>> {
  const result = new Map(companyIds.map((id) => [id, 0]));
  if (companyIds.length === 0) return result;
  const rows = await em
    .getConnection()
    .execute<{ company_id: string; used: number }[]>(
      `select company_id, used from company_visa_usage where season = ? and company_id in (${companyIds.map(() => '?').join(', ')})`,
      [season, ...companyIds],
    );
  for (const row of rows) result.set(row.company_id, Number(row.used));
  return result;
}
