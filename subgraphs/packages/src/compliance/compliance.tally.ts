import type { EntityManager } from '@umrah/db-kit';
import { complianceScore, overstayRate } from './compliance.score';

/** Whom a complaint, an inspection or a violation is about: a licensed company or a service provider. */
export enum PartyKind {
  COMPANY = 'COMPANY',
  PROVIDER = 'PROVIDER',
}

export interface Party {
  kind: PartyKind;
  id: string;
}

/** The one party a complaint or violation row names (the database keeps exactly one). */
export function partyOf(row: { companyId?: string | null; providerId?: string | null }): Party {
  if (row.companyId) return { kind: PartyKind.COMPANY, id: row.companyId };
  if (row.providerId) return { kind: PartyKind.PROVIDER, id: row.providerId };
  throw new Error('a complaint or violation names neither a company nor a provider');
}

const COLUMNS = {
  visasIssued: 'visas_issued',
  overstays: 'overstays',
  violationsTotal: 'violations_total',
  openViolations: 'open_violations',
  openViolationPoints: 'open_violation_points',
  escalatedViolations: 'escalated_violations',
  escalatedViolationPoints: 'escalated_violation_points',
  curedViolations: 'cured_violations',
  finesHalalas: 'fines_halalas',
  complaintsTotal: 'complaints_total',
  complaintsOpen: 'complaints_open',
  complaintsUpheld: 'complaints_upheld',
  slaBreaches: 'sla_breaches',
} as const;

export type TallyCounter = keyof typeof COLUMNS;
export type TallyDelta = Partial<Record<TallyCounter, number>>;

/** A party's counters and the score the database computed from them. */
export type Tally = Record<TallyCounter, number> & { party: Party; score: number; updatedAt: Date | null };

/**
 * Adds to a party's counters inside the caller's transaction, in one statement. Only additions
 * may create the row (an upsert, safe when two transactions count a new party at once); a change
 * that takes anything away updates the existing row. Counters never go below zero: the database
 * refuses it, failing the whole change.
 */
export async function bumpTally(em: EntityManager, party: Party, delta: TallyDelta): Promise<void> {
  const entries = (Object.entries(delta) as [TallyCounter, number][]).filter(([, n]) => n !== 0);
  if (entries.length === 0) return;
  const columns = entries.map(([key]) => COLUMNS[key]);
  const values = entries.map(([, n]) => n);
  const connection = em.getConnection();
  // A check constraint applies to the row an upsert proposes before it meets the existing one,
  // so a subtraction cannot go through `insert ... on conflict`.
  if (values.every((n) => n > 0)) {
    await connection.execute(
      `insert into compliance_tally (party_kind, party_id, ${columns.join(', ')})
       values (?, ?, ${columns.map(() => '?').join(', ')})
       on conflict (party_kind, party_id) do update set
         ${columns.map((c) => `${c} = compliance_tally.${c} + excluded.${c}`).join(', ')}, updated_at = now()`,
      [party.kind, party.id, ...values],
      'run',
      em.getTransactionContext(),
    );
    return;
  }
  const updated = await connection.execute<{ party_id: string }[]>(
    `update compliance_tally set ${columns.map((c) => `${c} = ${c} + ?`).join(', ')}, updated_at = now()
     where party_kind = ? and party_id = ? returning party_id`,
    [...values, party.kind, party.id],
    'all',
    em.getTransactionContext(),
  );
  if (updated.length === 0) throw new Error(`no compliance tally to take from for ${party.kind} ${party.id}`);
}

export type TallySqlRow = Record<(typeof COLUMNS)[TallyCounter], string | number> & {
  party_kind: string;
  party_id: string;
  score: string | number;
  updated_at: Date | string | null;
};

export function toTally(row: TallySqlRow): Tally {
  const counters = Object.fromEntries(
    (Object.entries(COLUMNS) as [TallyCounter, (typeof COLUMNS)[TallyCounter]][]).map(([key, column]) => [
      key,
      Number(row[column]),
    ]),
  ) as Record<TallyCounter, number>;
  return {
    ...counters,
    party: { kind: row.party_kind as PartyKind, id: row.party_id },
    score: Number(row.score),
    updatedAt: row.updated_at ? new Date(row.updated_at) : null,
  };
}

/** A party nothing has been counted against yet: every counter zero, the full score. */
export function emptyTally(party: Party): Tally {
  const zeros = Object.fromEntries(Object.keys(COLUMNS).map((key) => [key, 0])) as Record<TallyCounter, number>;
  return { ...zeros, party, score: complianceScore({ ...zeros }), updatedAt: null };
}

/** The tallies of many parties of one kind in one statement; a party without a row gets `emptyTally`. */
export async function talliesOf(
  em: EntityManager,
  kind: PartyKind,
  ids: readonly string[],
): Promise<Map<string, Tally>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, Tally>();
  if (unique.length > 0) {
    const rows = await em
      .getConnection()
      .execute<TallySqlRow[]>(
        `select * from compliance_tally where party_kind = ? and party_id in (${unique.map(() => '?').join(', ')})`,
        [kind, ...unique],
        'all',
        em.getTransactionContext(),
      );
    for (const row of rows) found.set(row.party_id, toTally(row));
  }
  return new Map(unique.map((id) => [id, found.get(id) ?? emptyTally({ kind, id })]));
}

export const rateOf = (tally: Tally): number => overstayRate(tally.overstays, tally.visasIssued);

/**
 * Changes to several parties' tallies gathered during one transaction and written at its end, one
 * statement per party, in a fixed order: two transactions touching the same parties never wait on
 * each other in a cycle.
 */
export class TallyChanges {
  private readonly byParty = new Map<string, { party: Party; delta: TallyDelta }>();

  add(party: Party, delta: TallyDelta): void {
    const key = `${party.kind}:${party.id}`;
    const entry = this.byParty.get(key) ?? { party, delta: {} };
    for (const [counter, n] of Object.entries(delta) as [TallyCounter, number][]) {
      entry.delta[counter] = (entry.delta[counter] ?? 0) + n;
    }
    this.byParty.set(key, entry);
  }

  async write(em: EntityManager): Promise<void> {
    for (const key of [...this.byParty.keys()].sort()) {
      const { party, delta } = this.byParty.get(key)!;
      await bumpTally(em, party, delta);
    }
    this.byParty.clear();
  }
}
