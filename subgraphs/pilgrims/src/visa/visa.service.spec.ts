import { countByNationality, countByStatus, visaStatRowsOf } from '../statistics/statistics.service';
import { uuidv7, type Database } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoPilgrims } from '@umrah/demo';
import { Role, SortDirection, type Viewer } from '@umrah/subgraph-kit';
import { openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPilgrimsDemo } from '../demo-seed';
import { pilgrimsSubgraph } from '../index';
import { VisaApplicationEntity, type VisaApplicationRow } from './visa.entity';
import { VisaApplicationOrderField, type VisaApplicationFilter, type VisaApplicationOrder } from './visa.inputs';
import { listVisas, visasByIds, visasOfPilgrims, visaStatsOf } from './visa.service';
import { VISA_STATUSES, type VisaStatus } from './visa.type';

const viewer = (role: Role, ids: Partial<Pick<Viewer, 'companyId' | 'agentId'>> = {}): Viewer => ({
  accountId: uuidv7(),
  role,
  companyId: ids.companyId ?? null,
  agentId: ids.agentId ?? null,
  providerId: role === Role.PROVIDER ? uuidv7() : null,
  scopes: [],
});

const pilgrims = demoPilgrims();
const companyIds = demoCompanies.map((c) => c.id);

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

let db: Database;

beforeAll(async () => {
  // In-memory PGlite, or a scratch PostgreSQL database when TEST_DATABASE_URL is set.
  db = await openTestDatabase(pilgrimsSubgraph);
  await seedPilgrimsDemo(db);
});

afterAll(async () => {
  await db.close();
});

describe('visa statistics', () => {
  it('counts each company’s visas by status, every status listed, in one statement', async () => {
    const before = db.statementCount;
    const rows = await visaStatRowsOf(db.fork(), companyIds);
    expect(db.statementCount - before).toBe(1);
    const result = rows.map(countByStatus);
    companyIds.forEach((companyId, i) => {
      const expected = countBy(
        pilgrims.filter((p) => p.companyId === companyId),
        (p) => p.visa.status,
      );
      expect(result[i]!.map((s) => s.status)).toEqual(VISA_STATUSES);
      expect(Object.fromEntries(result[i]!.filter((s) => s.count > 0).map((s) => [s.status, s.count]))).toEqual(
        Object.fromEntries(expected),
      );
    });
  });

  it('counts each company’s visas by nationality, largest first, in one statement', async () => {
    const before = db.statementCount;
    const rows = await visaStatRowsOf(db.fork(), companyIds);
    expect(db.statementCount - before).toBe(1);
    const result = rows.map(countByNationality);
    companyIds.forEach((companyId, i) => {
      const expected = countBy(
        pilgrims.filter((p) => p.companyId === companyId),
        (p) => p.nationality,
      );
      expect(Object.fromEntries(result[i]!.map((n) => [n.nationality, n.count]))).toEqual(Object.fromEntries(expected));
      const counts = result[i]!.map((n) => n.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });
  });

  it('gives statistics only to the ministry and the company’s own managers', () => {
    const [a, b] = companyIds as [string, string];
    expect(visaStatsOf(viewer(Role.MINISTRY_SUPERVISOR), a)?.companyId).toBe(a);
    expect(visaStatsOf(viewer(Role.COMPANY_MANAGER, { companyId: a }), a)?.companyId).toBe(a);
    expect(visaStatsOf(viewer(Role.COMPANY_MANAGER, { companyId: a }), b)).toBeNull();
    expect(visaStatsOf(viewer(Role.AGENT, { agentId: demoAgents[0]!.id }), a)).toBeNull();
    expect(visaStatsOf(null, a)).toBeNull();
  });
});

describe('visasByIds', () => {
  it('returns a visa exactly when its pilgrim is in the viewer’s slice, in one statement', async () => {
    const agent = demoAgents[0]!.id;
    const own = pilgrims.find((p) => p.agentId === agent)!;
    const other = pilgrims.find((p) => p.agentId !== agent)!;
    const ids = [own.visa.id, other.visa.id, uuidv7()];
    const before = db.statementCount;
    const asAgent = await visasByIds(db.fork(), viewer(Role.AGENT, { agentId: agent }), ids);
    expect(db.statementCount - before).toBe(1);
    expect(asAgent.map((v) => v?.id ?? null)).toEqual([own.visa.id, null, null]);
    expect(asAgent[0]).toMatchObject({
      status: own.visa.status,
      pilgrimId: own.id,
      mofaReference: own.visa.mofaReference,
    });

    const asSupervisor = await visasByIds(db.fork(), viewer(Role.MINISTRY_SUPERVISOR), ids);
    expect(asSupervisor.map((v) => v?.id ?? null)).toEqual([own.visa.id, other.visa.id, null]);

    const asProvider = await visasByIds(db.fork(), viewer(Role.PROVIDER), ids);
    expect(asProvider).toEqual([null, null, null]);
  });

  it('finds the visa of each pilgrim in one statement', async () => {
    const some = pilgrims.slice(0, 10);
    const before = db.statementCount;
    const visas = await visasOfPilgrims(db.fork(), [...some.map((p) => p.id), uuidv7()]);
    expect(db.statementCount - before).toBe(1);
    expect(visas.map((v) => v?.id ?? null)).toEqual([...some.map((p) => p.visa.id), null]);
    expect(visas[0]?.submittedAt.toISOString()).toBe(some[0]!.visa.submittedAt);
  });
});

describe('listVisas sorted', () => {
  const companyA = companyIds[0]!;
  const managerA = viewer(Role.COMPANY_MANAGER, { companyId: companyA });

  async function walk(v: Viewer, order: VisaApplicationOrder, filter: VisaApplicationFilter | null = null, first = 6) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const result = await listVisas(db.fork(), v, { first, after }, filter, undefined, order);
      expect(result.edges.length).toBeLessThanOrEqual(first);
      seen.push(...result.edges.map((e) => e.node.id));
      if (!result.pageInfo.hasNextPage) return seen;
      after = result.pageInfo.endCursor;
    }
    throw new Error('the walk did not end');
  }

  // [field, column, whether the demo data holds equal values for it]
  const FIELDS: [VisaApplicationOrderField, keyof VisaApplicationRow, boolean][] = [
    [VisaApplicationOrderField.SUBMITTED_AT, 'submittedAt', false],
    [VisaApplicationOrderField.STATUS, 'status', true],
    [VisaApplicationOrderField.NATIONALITY, 'nationality', true],
    [VisaApplicationOrderField.ISSUED_AT, 'issuedAt', true],
    [VisaApplicationOrderField.PROCESSING_TIME, 'processingMs', true],
    [VisaApplicationOrderField.STAY_UNTIL, 'stayUntil', true],
  ];

  for (const [field, property, ties] of FIELDS) {
    for (const direction of [SortDirection.ASC, SortDirection.DESC]) {
      it(`walks a manager's applications by ${field} ${direction}: each once, in the database's order, ties by id`, async () => {
        const d = direction === SortDirection.ASC ? 'asc' : 'desc';
        const all = await db
          .fork()
          .find(VisaApplicationEntity, { companyId: companyA }, { orderBy: [{ [property]: d }, { id: d }] as never });
        expect(all.length).toBeGreaterThan(12);
        if (ties) expect(new Set(all.map((row) => String(row[property]))).size).toBeLessThan(all.length);
        const seen = await walk(managerA, { field, direction });
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(all.map((row) => row.id));
      });
    }
  }

  it('puts applications not yet issued last ascending and first descending', async () => {
    const byIssue = async (direction: SortDirection) =>
      (
        await listVisas(db.fork(), managerA, { first: 100 }, null, undefined, {
          field: VisaApplicationOrderField.ISSUED_AT,
          direction,
        })
      ).edges.map((e) => e.node.issuedAt);
    const asc = await byIssue(SortDirection.ASC);
    const desc = await byIssue(SortDirection.DESC);
    expect(asc.some((v) => v === null) && asc.some((v) => v !== null)).toBe(true);
    expect(asc[asc.length - 1]).toBeNull();
    expect(desc[0]).toBeNull();
    const times = asc.filter((v): v is Date => v !== null).map((v) => v.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps the tenant slice and the filters under a sort', async () => {
    const agent = demoAgents[0]!.id;
    const order = { field: VisaApplicationOrderField.STATUS, direction: SortDirection.DESC };
    const agentViewer = viewer(Role.AGENT, { agentId: agent });
    const expected = await db.fork().find(VisaApplicationEntity, { agentId: agent });
    expect([...(await walk(agentViewer, order, null, 4))].sort()).toEqual(expected.map((row) => row.id).sort());
    const statuses = [...new Set(expected.map((row) => row.status))].slice(0, 2) as VisaStatus[];
    const filtered = await walk(agentViewer, order, { statuses }, 3);
    expect([...filtered].sort()).toEqual(
      expected
        .filter((row) => statuses.includes(row.status as VisaStatus))
        .map((row) => row.id)
        .sort(),
    );
    expect(await walk(viewer(Role.PROVIDER), order)).toEqual([]);
  });

  it('limits the page size and refuses a cursor issued for another order', async () => {
    const bySubmission = { field: VisaApplicationOrderField.SUBMITTED_AT, direction: SortDirection.DESC };
    await expect(listVisas(db.fork(), managerA, { first: 101 }, null, undefined, bySubmission)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    const unsorted = await listVisas(db.fork(), managerA, { first: 2 }, null);
    const after = unsorted.pageInfo.endCursor;
    await expect(
      listVisas(db.fork(), managerA, { first: 2, after }, null, undefined, bySubmission),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });
});
