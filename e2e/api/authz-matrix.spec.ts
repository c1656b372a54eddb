import { readFileSync } from 'node:fs';
import { companiesSubgraph } from '@umrah/companies';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { pilgrimsSubgraph } from '@umrah/pilgrims';
import { as, bootGraph, codes, postGraphQL, type GraphQLResponse, type TestGraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@umrah/subgraph-kit';
import { CALLER_NAMES, callers, type CallerName } from './authz/callers';
import { loadFixtures, MISSING, type Fixtures } from './authz/fixtures';
import {
  mismatch,
  operationFor,
  partiesNamed,
  PARTY_FIELDS,
  readSupergraph,
  type OperationKind,
  type Supergraph,
} from './authz/operation';
import {
  ENTITIES,
  expectedOutcome,
  MUTATIONS,
  QUERIES,
  SLICES,
  targetsFor,
  tenantIds,
  type FieldPolicy,
  type Outcome,
} from './authz/policy';

/**
 * The authorization matrix: every root field of the committed supergraph, run through the gateway
 * as every caller, against one declared policy table (./authz/policy.ts). A field without a
 * declared policy fails the suite; so does a policy for a field that is gone.
 */

const supergraph: Supergraph = readSupergraph(
  readFileSync(new URL('../../gateway/supergraph.graphql', import.meta.url), 'utf8'),
);
let graph: TestGraph;
let fixtures: Fixtures;
let CALLERS: Record<CallerName, Viewer | null>;
// Modest batches: the whole graph runs in this process, on a shared 2-core machine.
const CHUNK = 12;

beforeAll(async () => {
  // The gateway's default limits (600 operations a minute per subject, 30 sign-ins per address) hold the matrix.
  graph = await bootGraph([companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph], { demo: true });
  await graph.drainEvents();
  fixtures = await loadFixtures(graph);
  CALLERS = callers(fixtures.accounts);
}, 180_000);
afterAll(() => graph?.close());

interface Case {
  kind: OperationKind;
  field: string;
  caller: CallerName;
  /** AS_MISSING: only that the answer is the same as for missing ids. */
  expected: Outcome | 'AS_MISSING';
  query: string;
  variables: Record<string, unknown>;
  /** For a hidden object: the same operation on missing ids, whose answer it must match exactly. */
  missingVariables?: Record<string, unknown>;
}

function casesOf(kind: OperationKind, table: Record<string, FieldPolicy>, f: Fixtures): Case[] {
  return Object.entries(table).flatMap(([field, policy]) =>
    CALLER_NAMES.map((caller) => {
      const expected = expectedOutcome(policy, kind, caller, CALLERS[caller]);
      const refused = expected === 'FORBIDDEN' || expected === 'UNAUTHENTICATED';
      // Queries and refused mutations aim at company B's real objects; permitted mutations at missing ones.
      const variables = policy.args(f, targetsFor(f, kind === 'query' || refused ? 'other' : 'permitted'));
      const hidden = expected === 'EMPTY' || expected === 'NOT_FOUND';
      return {
        kind,
        field,
        caller,
        expected,
        variables,
        query: operationFor(supergraph, kind, field, variables),
        ...(hidden ? { missingVariables: policy.args(f, targetsFor(f, 'missing')) } : {}),
      };
    }),
  );
}

let checked = 0;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** What a caller can tell from a response: data, error codes and messages (not the ids it sent). */
const answer = (r: GraphQLResponse<unknown>): string =>
  JSON.stringify({
    status: r.status,
    data: r.data,
    errors: (r.errors ?? []).map((e) => [e.extensions?.['code'], e.extensions?.['field'], e.message]),
  }).replace(UUID, 'ID');

/** Runs the cases in batches; returns every case whose response is not the declared outcome. */
async function run(cases: Case[]): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < cases.length; i += CHUNK) {
    const batch = cases.slice(i, i + CHUNK);
    const responses = await Promise.all(
      batch.map((c) => graph.request<Record<string, unknown>>(c.query, c.variables, CALLERS[c.caller])),
    );
    const twins = await Promise.all(
      batch.map((c) =>
        c.missingVariables ? graph.request(c.query, c.missingVariables, CALLERS[c.caller]) : Promise.resolve(null),
      ),
    );
    batch.forEach((c, j) => {
      const response = responses[j]!;
      // AUTHZ_DEBUG=1 prints every case's answer.
      if (process.env['AUTHZ_DEBUG']) console.info(`${c.field} ${c.caller} ${c.expected} ${answer(response)}`);
      const slice = c.kind === 'query' ? SLICES[c.caller] : undefined;
      const named = partiesNamed(response.data?.[c.field]);
      for (const party of PARTY_FIELDS) {
        const outside = [...new Set(named[party])].filter((id) => slice?.[party] && !slice[party].includes(id));
        if (outside.length)
          failures.push(`${c.field} as ${c.caller}: rows of another ${party} (${outside.join(', ')})`);
      }
      const wrong = c.expected === 'AS_MISSING' ? null : mismatch(c.expected, response, c.field);
      if (wrong) {
        failures.push(`${c.field} as ${c.caller}: expected ${c.expected}, got ${wrong.seen} (${wrong.message ?? ''})`);
      }
      const twin = twins[j];
      if (twin && answer(twin) !== answer(response)) {
        failures.push(`${c.field} as ${c.caller}: ${answer(response)} differs from a missing id's ${answer(twin)}`);
      }
    });
    checked += batch.length;
  }
  return failures;
}

describe('the policy table', () => {
  it('declares every root field of the supergraph, and no field that is gone', async () => {
    expect(Object.keys(QUERIES).sort()).toEqual([...supergraph.queries].sort());
    expect(Object.keys(MUTATIONS).sort()).toEqual([...supergraph.mutations].sort());
    // The committed supergraph is the one the gateway serves (else the table checks a stale schema).
    const served = readSupergraph(graph.supergraphSdl);
    expect(served.queries.sort()).toEqual([...supergraph.queries].sort());
    expect(served.mutations.sort()).toEqual([...supergraph.mutations].sort());
  });

  it('declares every entity type of every subgraph', () => {
    expect(Object.keys(ENTITIES).sort()).toEqual(supergraph.entities);
  });
});

describe('every root field as every caller, through the gateway', () => {
  afterAll(() => {
    const operations = supergraph.queries.length + supergraph.mutations.length;
    console.info(
      `[authz] ${operations} operations × ${CALLER_NAMES.length} callers = ${operations * CALLER_NAMES.length} cases checked` +
        ` (${checked} run, with ${checked - operations * CALLER_NAMES.length} party mutations on company B's objects)`,
    );
  });

  it('answers each query as declared: data, nothing (like missing), FORBIDDEN or UNAUTHENTICATED', async () => {
    expect(await run(casesOf('query', QUERIES, fixtures))).toEqual([]);
  }, 120_000);

  it('refuses each mutation to the callers not declared, and the refused attempts change nothing', async () => {
    const refused = casesOf('mutation', MUTATIONS, fixtures).filter((c) => c.expected !== 'PERMITTED');
    // Supervisors read everything and change nothing: every mutation but signing in and their own password.
    const supervisorMay = Object.keys(MUTATIONS).filter(
      (m) => !refused.some((c) => c.caller === 'supervisor' && c.field === m),
    );
    expect(supervisorMay.sort()).toEqual(['changePassword', 'clientCredentialsToken', 'login']);
    const before = await fingerprint();
    const failures = await run(refused);
    const after = await fingerprint();
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
  }, 120_000);

  it('lets the declared callers past the access check (against missing ids, so nothing real changes)', async () => {
    const permitted = casesOf('mutation', MUTATIONS, fixtures).filter((c) => c.expected === 'PERMITTED');
    expect(await run(permitted)).toEqual([]);
  }, 120_000);

  it('answers a party’s mutation on company B’s objects exactly as on missing ones, and changes nothing', async () => {
    const other = targetsFor(fixtures, 'other');
    const owned = tenantIds(other);
    const parties: CallerName[] = ['manager', 'agent', 'provider', 'managerClient', 'agentClient', 'providerClient'];
    const cases = casesOf('mutation', MUTATIONS, fixtures)
      .filter((c) => c.expected === 'PERMITTED' && parties.includes(c.caller))
      .flatMap((c): Case[] => {
        const policy = MUTATIONS[c.field]!;
        if (policy.aboutOthers) return [];
        const variables = policy.args(fixtures, other);
        // Only mutations that aim at a tenant's object (not creations, nor directory data).
        if (!owned.some((id) => JSON.stringify(variables).includes(id))) return [];
        return [
          {
            ...c,
            expected: 'AS_MISSING',
            variables,
            missingVariables: policy.args(fixtures, targetsFor(fixtures, 'missing')),
          },
        ];
      });
    expect(cases.length).toBeGreaterThan(20);
    const before = await fingerprint();
    const failures = await run(cases);
    const after = await fingerprint();
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
  }, 120_000);
});

// Tables a refused call may write: the audit trail records refused attempts, and it travels as events.
const BOOKKEEPING = /audit|outbox|inbox|feed|event|mikro_orm|migration/;

/** Company B's objects as the ministry sees them, and every table's row count. */
async function fingerprint(): Promise<unknown> {
  const f = fixtures;
  const objects = await graph.request(
    `query($c: ID!, $booking: ID!, $package: ID!, $visa: ID!, $complaint: ID!, $violation: ID!,
           $redemption: ID!, $contract: ID!, $agent: ID!, $reward: ID!, $group: ID!) {
      company(id: $c) { nameEn city license { status } loyalty { balance } }
      booking(id: $booking) { status }
      servicePackage(id: $package) { status version }
      visaApplication(id: $visa) { status }
      complaint(id: $complaint) { status }
      violation(id: $violation) { status }
      loyaltyRedemption(id: $redemption) { status }
      agencyContract(id: $contract) { status }
      externalAgent(id: $agent) { status }
      loyaltyReward(id: $reward) { stock }
      pilgrimGroup(id: $group) { name }
    }`,
    {
      c: f.b.companyId,
      booking: f.b.bookingId,
      package: f.b.packageId,
      visa: f.b.visaId,
      complaint: f.b.complaintId,
      violation: f.b.violationId,
      redemption: f.b.redemptionId,
      contract: f.b.contractId,
      agent: f.agentId,
      reward: f.rewardId,
      group: f.b.groupId,
    },
    as.supervisor(),
  );
  expect(objects.errors).toBeUndefined();
  const counts: Record<string, number> = {};
  for (const [name, subgraph] of Object.entries(graph.subgraphs)) {
    const connection = subgraph.db.orm.em.getConnection();
    const tables = await connection.execute<{ table_name: string }[]>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    for (const { table_name: table } of tables) {
      if (BOOKKEEPING.test(table)) continue;
      const [row] = await connection.execute<{ n: string }[]>(`select count(*) as n from "${table}"`);
      counts[`${name}.${table}`] = Number(row!.n);
    }
  }
  return { objects: objects.data, counts };
}

describe('_entities and _service, called on each subgraph directly', () => {
  const entitiesQuery = (type: string, select: string) =>
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${select} } } }`;
  const manager = () => as.manager(fixtures.a.companyId);

  it('refuses callers without the gateway’s secret, whatever their token', async () => {
    for (const subgraph of Object.values(graph.subgraphs)) {
      const keys = Object.keys(ENTITIES).filter((k) => k.startsWith(`${subgraph.name}.`));
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const type = key.split('.')[1]!;
        const r = await postGraphQL(
          subgraph.url,
          entitiesQuery(type, '__typename'),
          { r: [{ __typename: type, id: ENTITIES[key]!.own(fixtures) }] },
          as.officer(),
        );
        expect([r.status, codes(r), r.data ?? null], key).toEqual([403, ['FORBIDDEN'], null]);
      }
      for (const caller of [null, as.supervisor()]) {
        const service = await postGraphQL(subgraph.url, '{ _service { sdl } }', {}, caller);
        expect([service.status, codes(service), service.data ?? null], subgraph.name).toEqual([
          403,
          ['FORBIDDEN'],
          null,
        ]);
      }
      // With the secret the same call is answered: the refusal above is the secret's doing.
      const withSecret = await subgraph.request<{ _service: { sdl: string } }>('{ _service { sdl } }');
      expect(withSecret.data?._service.sdl.length).toBeGreaterThan(0);
    }
  });

  it('answers a forged representation of another tenant’s object exactly as a missing one', async () => {
    const failures: string[] = [];
    for (const [key, policy] of Object.entries(ENTITIES)) {
      const [name, type] = key.split('.') as [string, string];
      const subgraph = graph.subgraphs[name]!;
      const resolve = async (id: string, caller: Parameters<TestGraph['request']>[2]) => {
        // Forged: the representation also claims company A's ownership; only the key may count.
        const forged = { __typename: type, id, companyId: fixtures.a.companyId, company: { id: fixtures.a.companyId } };
        const r: GraphQLResponse<{ _entities: (Record<string, unknown> | null)[] }> = await subgraph.request(
          entitiesQuery(type, policy.select),
          { r: [forged] },
          caller,
        );
        if (r.errors) failures.push(`${key} ${id}: ${JSON.stringify(r.errors)}`);
        const entity = r.data?._entities[0] ?? null;
        // Compare answers, not the id that was asked for.
        return entity && { ...entity, id: 'ID' };
      };
      const own = await resolve(policy.own(fixtures), manager());
      const other = await resolve(policy.other(fixtures), manager());
      const missing = await resolve(MISSING, manager());
      const anonymous = await resolve(policy.own(fixtures), null);
      // Company A's agent and a provider must not see company B's objects either.
      for (const [who, viewer] of [
        ['agent', as.agent(fixtures.agentId)],
        ['provider', as.provider(fixtures.providerId)],
      ] as const) {
        if (policy.visibility === 'public') continue;
        const theirs = await resolve(policy.other(fixtures), viewer);
        const nothing = await resolve(MISSING, viewer);
        if (JSON.stringify(theirs) !== JSON.stringify(nothing)) {
          failures.push(
            `${key} company B’s as ${who}: got ${JSON.stringify(theirs)}, as missing ${JSON.stringify(nothing)}`,
          );
        }
      }
      const report = (what: string, got: unknown, want: unknown) =>
        `${key} ${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
      if (policy.visibility === 'public') {
        if (other === null) failures.push(report('other party’s, public', other, 'an object'));
      } else {
        if (JSON.stringify(other) !== JSON.stringify(missing)) failures.push(report('company B’s', other, missing));
        if (JSON.stringify(own) === JSON.stringify(missing)) failures.push(report('company A’s own', own, 'data'));
      }
      if (JSON.stringify(anonymous) !== JSON.stringify(missing) && anonymous !== null) {
        failures.push(report('no token', anonymous, missing));
      }
      // A stub extended here (Company in loyalty…) stands for any id; its fields carry the rule.
      if (!policy.stub && missing !== null) failures.push(report('missing id', missing, null));
    }
    expect(failures).toEqual([]);
  });
});
