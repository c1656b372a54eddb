import { openDatabase, uuidv7, type Database } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoPilgrims } from '@umrah/demo';
import { Role, type Viewer } from '@umrah/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPilgrimsDemo } from '../demo-seed';
import { pilgrimsSubgraph } from '../index';
import { migrations } from '../migrations/index';
import { visaCountsByNationality, visaCountsByStatus, visasByIds, visasOfPilgrims, visaStatsOf } from './visa.service';
import { VISA_STATUSES } from './visa.type';

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
  db = await openDatabase({
    entities: pilgrimsSubgraph.entities,
    migrations,
  });
  await db.migrate();
  await seedPilgrimsDemo(db);
});

afterAll(async () => {
  await db.close();
});

describe('visa statistics', () => {
  it('counts each company’s visas by status, every status listed, in one statement', async () => {
    const before = db.statementCount;
    const result = await visaCountsByStatus(db.fork(), companyIds);
    expect(db.statementCount - before).toBe(1);
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
    const result = await visaCountsByNationality(db.fork(), companyIds);
    expect(db.statementCount - before).toBe(1);
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
