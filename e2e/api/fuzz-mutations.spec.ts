import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { companiesSubgraph } from '@umrah/companies';
import { demoAgents } from '@umrah/demo';
import { DEFAULT_LIMITS } from '@umrah/gateway';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { pilgrimsSubgraph } from '@umrah/pilgrims';
import type { Viewer } from '@umrah/subgraph-kit';
import { bootGraph, codes, type TestGraph } from '@umrah/test-kit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callersByRole, knownIds, ROLES, stillUp, type RoleName } from './fuzz/graph';
import { fuzzOperations, type FuzzOperation } from './fuzz/operations';
import { poisoned } from './fuzz/sweep';
import { answerCodes, badAnswer } from './fuzz/verdict';

// Every mutation of the public API, fed valid-looking and hostile arguments: each call must answer
// data or coded errors (never INTERNAL_SERVER_ERROR, an uncoded error, SQL or a stack), and the
// gateway and subgraphs must stay up. FUZZ_RUNS and FUZZ_SEED replay or deepen a run.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 15);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2_147_483_647);
const UNLIMITED = { burst: 1_000_000, perMinute: 1_000_000 };

const supergraph = Supergraph.build(readFileSync(new URL('../../gateway/supergraph.graphql', import.meta.url), 'utf8'));
const schema = supergraph.apiSchema().toGraphQLJSSchema();
const MUTATIONS = Object.keys(schema.getMutationType()?.getFields() ?? {});

let graph: TestGraph;
let operations: Map<string, FuzzOperation>;
const callers = callersByRole();
let cases = 0;
let failed = 0;
const tested: string[] = [];
const neverPastAccess: string[] = [];
const succeeded = new Set<string>();

beforeAll(async () => {
  graph = await bootGraph([companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph], {
    demo: true,
    gateway: { limits: { ...DEFAULT_LIMITS, clientRate: UNLIMITED, addressRate: UNLIMITED, signInRate: UNLIMITED } },
  });
  await graph.drainEvents();
  const ids = await knownIds(graph);
  operations = new Map(fuzzOperations(schema, ids).map((op) => [op.name, op]));
  const count = Object.values(ids).flat().length;
  console.log(`[fuzz] seed ${SEED} (FUZZ_SEED=${SEED} replays), ${RUNS} runs per mutation, ${count} known ids`);
}, 180_000);
afterAll(() => graph?.close());

interface Failure {
  role: RoleName;
  reason: string;
  variables: string;
}

/** Who may call it, found by trying: every role whose answer to valid-looking arguments is not a refusal of the role. */
async function mayCall(
  op: FuzzOperation,
  variables: Record<string, unknown>,
  failures: Failure[],
): Promise<RoleName[]> {
  const allowed: RoleName[] = [];
  for (const role of ROLES) {
    const answer = await call(graph, op.document, variables, callers[role][0]!);
    cases++;
    const bad = badAnswer(answer);
    if (bad) failures.push({ role, reason: bad, variables: JSON.stringify(variables).slice(0, 400) });
    const codes = answerCodes(answer);
    if (!codes.includes('FORBIDDEN') && !codes.includes('UNAUTHENTICATED')) allowed.push(role);
  }
  return allowed;
}

describe('what fuzzing found, kept as examples', () => {
  const manager = (): Viewer => callers.manager[0]!;
  const pilgrim = (dateOfBirth: string, familyNameEn = 'Khan') => ({
    input: {
      givenNameAr: 'محمد',
      fatherNameAr: 'أحمد',
      grandfatherNameAr: 'علي',
      familyNameAr: 'خان',
      givenNameEn: 'Muhammad',
      fatherNameEn: 'Ahmad',
      grandfatherNameEn: 'Ali',
      familyNameEn,
      passportNumber: `FZ${String(Date.now()).slice(-7)}`,
      nationality: 'PK',
      dateOfBirth,
      sex: 'MALE',
      passportIssuedOn: '2024-01-01',
      passportExpiresOn: '2034-01-01',
    },
  });
  const REGISTER = 'mutation($input: RegisterPilgrimInput!) { registerPilgrim(input: $input) { id } }';

  it('a day that is not in the calendar is BAD_USER_INPUT, not a database error', async () => {
    for (const day of ['1980-02-30', '0000-01-01', '1980-13-01']) {
      const answer = await graph.request(REGISTER, pilgrim(day), manager());
      expect(codes(answer), day).toEqual(['BAD_USER_INPUT']);
    }
    const contract = await graph.request(
      'mutation($input: CreateAgencyContractInput!) { createAgencyContract(input: $input) { id } }',
      { input: { agentId: demoAgents[5]!.id, validFrom: '2027-01-01', validTo: '2027-02-30' } },
      manager(),
    );
    expect(codes(contract)).toEqual(['BAD_USER_INPUT']);
    expect(contract.errors![0]!.message).toMatch(/calendar date/);
  });

  // The gateway's Date scalar takes anything, so it checks Date literals itself, as the subgraph would.
  it('a day that is not in the calendar, written in the document, is BAD_USER_INPUT', async () => {
    const literal = await graph.request(
      `mutation { createAgencyContract(input: { agentId: "${demoAgents[5]!.id}", validFrom: "2027-01-01", validTo: "2027-02-30" }) { id } }`,
      {},
      manager(),
    );
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
    expect(literal.errors![0]!.message).toMatch(/calendar date/);
  });

  it('a name of one emoji is too short, counted in characters as the database counts them', async () => {
    const answer = await graph.request(
      'mutation($input: RegisterServiceProviderInput!) { registerServiceProvider(input: $input) { id } }',
      {
        input: { nameAr: 'فندق', nameEn: '🕋', kind: 'HOTEL', city: 'Makkah', licenseNumber: 'MQM-HOT-90001' },
      },
      callers.officer[0]!,
    );
    expect(answer.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['field']])).toEqual([
      ['BAD_USER_INPUT', 'input.nameEn'],
    ]);
  });

  it('an inspection cannot record an upheld-complaint violation, which must name its complaint', async () => {
    const answer = await graph.request(
      'mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }',
      {
        input: {
          companyId: callers.manager[0]!.companyId,
          city: 'Makkah',
          site: 'Ajyad',
          visitedOn: new Date().toISOString().slice(0, 10),
          findings: 'Checked on site by the field committee.',
          violations: [{ type: 'COMPLAINT_UPHELD', fineHalalas: 100_000, details: 'Room not as booked' }],
        },
      },
      callers.officer[0]!,
    );
    expect(answer.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['field']])).toEqual([
      ['BAD_USER_INPUT', 'input.violations.0.type'],
    ]);
  });

  it('text with a NUL character or a broken surrogate is BAD_USER_INPUT naming the field', async () => {
    const login = await graph.request(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email: 'a\u0000b@example.org', password: 'x' } },
      null,
    );
    expect(login.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['field']])).toEqual([
      ['BAD_USER_INPUT', 'input.email'],
    ]);
    const named = await graph.request(REGISTER, pilgrim('1980-02-28', 'Khan\uD800'), manager());
    expect(named.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['field']])).toEqual([
      ['BAD_USER_INPUT', 'input.familyNameEn'],
    ]);
  });
});

describe('fuzzing every mutation through the gateway', () => {
  it('finds the mutations in the supergraph', () => {
    expect(MUTATIONS.length).toBeGreaterThan(50);
  });

  it.each(MUTATIONS)(
    '%s answers data or coded errors, and the graph stays up',
    async (name) => {
      const op = operations.get(name)!;
      const failures: Failure[] = [];
      const samples = fc.sample(op.plausible, { seed: SEED, numRuns: 8 });
      const allowed = await mayCall(op, samples[0]!, failures);
      // Nobody passes with valid-looking arguments (access is checked after loading): try every signed-in role.
      const roles = allowed.length > 0 ? allowed : ROLES.filter((r) => r !== 'anonymous');
      const rightCaller = fc
        .constantFrom(...roles)
        .chain((role) => fc.constantFrom(...callers[role].map((c) => [role, c] as const)));
      const anyCaller = fc
        .constantFrom(...ROLES)
        .chain((role) => fc.constantFrom(...callers[role].map((c) => [role, c] as const)));
      const caller: fc.Arbitrary<readonly [RoleName, Viewer | null]> = fc.oneof(
        { weight: 9, arbitrary: rightCaller },
        { weight: 1, arbitrary: anyCaller },
      );
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(op.variables, caller, async (variables, [role, viewer]) => {
          const answer = await call(graph, op.document, variables, viewer);
          cases++;
          for (const code of answerCodes(answer)) seen.add(code);
          if (answerCodes(answer)[0] === 'DATA') succeeded.add(name);
          const bad = badAnswer(answer);
          if (bad) failures.push({ role, reason: bad, variables: JSON.stringify(variables).slice(0, 400) });
          // Recorded, not thrown: one run lists every failure instead of shrinking the first one over the network.
          return true;
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Then every string of valid-looking arguments, one at a time, replaced by each poison (sweep.ts).
      // Its base is the first valid-looking sample that succeeds, so the poison reaches the database.
      const sweeper = roles[0]!;
      let base = samples[0]!;
      for (const sample of samples) {
        const answer = await call(graph, op.document, sample, callers[sweeper][0]!);
        cases++;
        const bad = badAnswer(answer);
        if (bad) failures.push({ role: sweeper, reason: bad, variables: JSON.stringify(sample).slice(0, 400) });
        if (answerCodes(answer)[0] === 'DATA') {
          succeeded.add(name);
          base = sample;
          break;
        }
      }
      for (const variant of poisoned(base)) {
        const answer = await call(graph, op.document, variant.variables, callers[sweeper][0]!);
        cases++;
        const bad = badAnswer(answer);
        if (bad) failures.push({ role: sweeper, reason: `${variant.path}=${variant.poison}: ${bad}`, variables: '' });
      }
      tested.push(name);
      if ([...seen].every((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED')) neverPastAccess.push(name);
      failed += failures.length;
      expect(await stillUp(graph)).toBeNull();
      expect(failures, `${name} (seed ${SEED}):\n${failures.map((f) => JSON.stringify(f)).join('\n')}`).toEqual([]);
    },
    120_000,
  );

  it('reports the run', () => {
    if (neverPastAccess.length > 0) console.log(`[fuzz] only refused by role: ${neverPastAccess.join(', ')}`);
    console.log(`[fuzz] ${succeeded.size} of ${tested.length} mutations answered data at least once`);
    console.log(`[fuzz] ${tested.length} mutations, ${cases} cases, ${failed} uncoded errors`);
    expect(tested.length).toBe(MUTATIONS.length);
    expect(failed).toBe(0);
  });
});
