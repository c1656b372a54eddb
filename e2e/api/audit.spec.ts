import { companiesSubgraph } from '@umrah/companies';
import { demoCompanies } from '@umrah/demo';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { pilgrimsSubgraph } from '@umrah/pilgrims';
import { as, bootGraph, codes, type TestGraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let graph: TestGraph;
const [safwa, rawda] = demoCompanies;

interface Entry {
  operation: string;
  outcome: string;
  source: string;
  actorRole: string | null;
  actorAccountId: string | null;
  companyId: string | null;
  targetId: string | null;
}
interface Log {
  auditLog: { totalCount: number; edges: { node: Entry }[] };
}

const LOG = `query($filter: AuditLogFilter, $first: Int!) {
  auditLog(filter: $filter, first: $first) {
    totalCount edges { node { operation outcome source actorRole actorAccountId companyId targetId } }
  }
}`;

beforeAll(async () => {
  graph = await bootGraph([companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph], { demo: true });
  await graph.drainEvents();
}, 180_000);
afterAll(() => graph?.close());

const companiesSql = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
  graph.subgraphs['companies']!.db.orm.em.getConnection().execute<T[]>(sql, params);

describe('one audit log for the whole graph', () => {
  const manager = as.manager(safwa!.id);
  const supervisor = as.supervisor();
  let groupId: string;

  beforeAll(async () => {
    // A manager's change in pilgrims, and a supervisor's refused attempts in packages and loyalty.
    const group = await graph.request<{ createPilgrimGroup: { id: string } }>(
      `mutation($input: CreatePilgrimGroupInput!) { createPilgrimGroup(input: $input) { id } }`,
      { input: { name: 'Audit trail group' } },
      manager,
    );
    expect(group.errors).toBeUndefined();
    groupId = group.data!.createPilgrimGroup.id;
    const approve = await graph.request(
      `mutation($id: ID!) { approveServicePackage(id: $id) { id } }`,
      { id: '0190f5a2-0000-7000-8000-0000000000ff' },
      supervisor,
    );
    expect(codes(approve)).toEqual(['FORBIDDEN']);
    const reward = await graph.request(
      `mutation($i: CreateLoyaltyRewardInput!) { createLoyaltyReward(input: $i) { id } }`,
      {
        i: {
          category: 'OTHER',
          nameAr: 'هدية',
          nameEn: 'Gift',
          descriptionAr: 'هدية',
          descriptionEn: 'A gift',
          costPoints: 10,
          stock: 1,
          activeFrom: '2040-01-01',
        },
      },
      supervisor,
    );
    expect(codes(reward)).toEqual(['FORBIDDEN']);
    await graph.drainEvents();
  });

  it('holds every subgraph’s calls, with actor, outcome and company, for the ministry', async () => {
    const pilgrims = await graph.request<Log>(LOG, { filter: { source: 'PILGRIMS' }, first: 100 }, supervisor);
    expect(pilgrims.errors).toBeUndefined();
    expect(pilgrims.data!.auditLog.edges.map((e) => e.node)).toContainEqual({
      operation: 'createPilgrimGroup',
      outcome: 'OK',
      source: 'PILGRIMS',
      actorRole: 'COMPANY_MANAGER',
      actorAccountId: manager.accountId,
      companyId: safwa!.id,
      targetId: groupId,
    });
    const refused = await graph.request<Log>(
      LOG,
      { filter: { refused: true, actorAccountId: supervisor.accountId }, first: 100 },
      as.officer(),
    );
    expect(refused.errors).toBeUndefined();
    const seen = refused.data!.auditLog.edges.map((e) => `${e.node.source} ${e.node.operation} ${e.node.outcome}`);
    expect(seen.sort()).toEqual(['LOYALTY createLoyaltyReward FORBIDDEN', 'PACKAGES approveServicePackage FORBIDDEN']);
    expect(refused.data!.auditLog.totalCount).toBe(2);
  });

  it('is newest first and filters by operation and period', async () => {
    const byOperation = await graph.request<Log>(
      LOG,
      { filter: { operation: 'approveServicePackage', from: '2020-01-01T00:00:00Z' }, first: 10 },
      supervisor,
    );
    expect(byOperation.data!.auditLog.edges.map((e) => e.node.operation)).toEqual(['approveServicePackage']);
    const future = await graph.request<Log>(LOG, { filter: { from: '2099-01-01T00:00:00Z' }, first: 10 }, supervisor);
    expect(future.data!.auditLog.totalCount).toBe(0);
    const backwards = await graph.request<Log>(
      LOG,
      { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, first: 10 },
      supervisor,
    );
    expect(codes(backwards)).toEqual(['BAD_USER_INPUT']);
    const hostile = await graph.request<Log>(LOG, { filter: { operation: "x' or 1=1 --" }, first: 10 }, supervisor);
    expect(codes(hostile)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps each entry once when the events are delivered again', async () => {
    const [before] = await companiesSql<{ n: string }>(
      `select count(*) as n from audit_log where source <> 'companies'`,
    );
    await companiesSql(`delete from feed_position where source in ('pilgrims', 'packages', 'loyalty')`);
    expect(await graph.subgraphs['companies']!.drainEvents()).toBe(0);
    const [after] = await companiesSql<{ n: string }>(
      `select count(*) as n from audit_log where source <> 'companies'`,
    );
    expect(Number(after!.n)).toBe(Number(before!.n));
    expect(Number(before!.n)).toBeGreaterThanOrEqual(3);
  });

  it('is the ministry’s: a manager reads only their company’s trail, which now includes the other subgraphs', async () => {
    expect(codes(await graph.request(LOG, { first: 10 }, manager))).toEqual(['FORBIDDEN']);
    expect(codes(await graph.request(LOG, { first: 10 }, as.agent('0190f5a2-0000-7000-8000-00000000a0a0')))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await graph.request(LOG, { first: 10 }))).toEqual(['UNAUTHENTICATED']);
    const TRAIL = `query($id: ID!) { auditTrail(companyId: $id, first: 100) { edges { node { operation source } } } }`;
    const own = await graph.request<{ auditTrail: { edges: { node: { operation: string; source: string } }[] } }>(
      TRAIL,
      { id: safwa!.id },
      manager,
    );
    expect(own.data!.auditTrail.edges.map((e) => e.node)).toContainEqual({
      operation: 'createPilgrimGroup',
      source: 'PILGRIMS',
    });
    const other = await graph.request<{ auditTrail: { edges: unknown[] } }>(
      TRAIL,
      { id: safwa!.id },
      as.manager(rawda!.id),
    );
    expect(other.data!.auditTrail.edges).toEqual([]);
  });
});
