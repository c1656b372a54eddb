import { demoAgents, demoCompanies, demoId, demoProviders } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companiesSubgraph } from '../src/index';

let sg: TestSubgraph;
const [safwa, rawda, bayt, noor, zamzam, marwa] = demoCompanies;
const [nusantara, karachi, capetown, , , chicago] = demoAgents;
const dhaka = demoId('agent:dhaka');

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const daysFromToday = (days: number): string => isoDate(new Date(Date.now() + days * 86_400_000));
const TODAY = daysFromToday(0);

beforeAll(async () => {
  sg = await bootSubgraph(companiesSubgraph, { demo: true });
  // The seeded season's cut-off (1 Sha'ban 1447) has passed: open registration for these tests.
  await setPolicy({ contractCutoffOn: daysFromToday(60) });
});
afterAll(() => sg.close());

// ----------------------------------------------------------------------------------------------
// Helpers

async function ok<T>(query: string, variables: Record<string, unknown>, caller: Viewer | null): Promise<T> {
  const r = await sg.request<T>(query, variables, caller);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return sg.db.fork().getConnection().execute<T[]>(text, params);
}

const POLICY = `mutation($input: LicensingPolicyInput!) { updateLicensingPolicy(input: $input) { id } }`;

async function setPolicy(change: { contractCutoffOn?: string; agentCureDays?: number }): Promise<void> {
  await ok(
    POLICY,
    {
      input: {
        season: '1447',
        effectiveFrom: TODAY,
        licenseYears: 5,
        companyCureDays: 30,
        agentCureDays: change.agentCureDays ?? 10,
        contractCutoffOn: change.contractCutoffOn ?? daysFromToday(60),
        reason: 'Test season settings',
      },
    },
    as.officer(),
  );
}

const AGENT_FIELDS = `id name countryCode homeLicenseNumber status suspendedUntil approvedAt contactEmail contactPhone rating violationsCount complaintsCount`;
const REGISTER = `mutation($input: RegisterAgentInput!) { registerAgent(input: $input) { ${AGENT_FIELDS} } }`;
const APPROVE_AGENT = `mutation($input: AgentDecisionInput!) { approveAgent(input: $input) { id status } }`;
const SUSPEND_AGENT = `mutation($input: SuspendAgentInput!) { suspendAgent(input: $input) { id status suspendedUntil } }`;
const REINSTATE_AGENT = `mutation($input: AgentDecisionInput!) { reinstateAgent(input: $input) { id status suspendedUntil } }`;
const CONTRACT_FIELDS = `id status validFrom validTo season submittedAt approvedAt rejectionReason terminatedAt terminationReason company { id } agent { id }`;
const CREATE_CONTRACT = `mutation($input: CreateAgencyContractInput!) { createAgencyContract(input: $input) { ${CONTRACT_FIELDS} } }`;
const SUBMIT_CONTRACT = `mutation($id: ID!) { submitAgencyContract(id: $id) { ${CONTRACT_FIELDS} } }`;
const APPROVE_CONTRACT = `mutation($input: AgencyContractDecisionInput!) { approveAgencyContract(input: $input) { ${CONTRACT_FIELDS} } }`;
const REJECT_CONTRACT = `mutation($input: AgencyContractDecisionInput!) { rejectAgencyContract(input: $input) { ${CONTRACT_FIELDS} } }`;
const TERMINATE_CONTRACT = `mutation($input: AgencyContractDecisionInput!) { terminateAgencyContract(input: $input) { ${CONTRACT_FIELDS} } }`;
const MAY_ACT = `query($agent: ID!, $company: ID!) { externalAgent(id: $agent) { mayActFor(companyId: $company) } }`;

interface AgentData {
  id: string;
  status: string;
  suspendedUntil: string | null;
  contactEmail: string | null;
  rating: number | null;
}
interface ContractData {
  id: string;
  status: string;
  validFrom: string;
  validTo: string;
  rejectionReason: string | null;
  terminationReason: string | null;
  company: { id: string };
  agent: { id: string };
}

let serial = 0;
const registration = () => {
  serial += 1;
  return {
    name: `Test Agency ${serial}`,
    countryCode: 'MY',
    homeLicenseNumber: `MY-KPK-${1000 + serial}`,
    contactEmail: `desk${serial}@agency.test`,
    contactPhone: '+60 3 5550 0100',
  };
};

/** A fresh agent in the given status, through the API as an officer would. */
async function newAgent(status: 'PENDING' | 'ACTIVE' | 'SUSPENDED' = 'ACTIVE'): Promise<string> {
  const { registerAgent } = await ok<{ registerAgent: AgentData }>(REGISTER, { input: registration() }, as.officer());
  const id = registerAgent.id;
  if (status !== 'PENDING') await ok(APPROVE_AGENT, { input: { id, reason: 'Documents verified' } }, as.officer());
  if (status === 'SUSPENDED') await ok(SUSPEND_AGENT, { input: { id, reason: 'Late reporting' } }, as.officer());
  return id;
}

/** A fresh contract of `companyId` with a fresh active agent, taken to the given status. */
async function newContract(
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' = 'DRAFT',
  options: { companyId?: string; validFrom?: string; validTo?: string } = {},
): Promise<ContractData> {
  const companyId = options.companyId ?? safwa!.id;
  const agentId = await newAgent();
  const { createAgencyContract } = await ok<{ createAgencyContract: ContractData }>(
    CREATE_CONTRACT,
    {
      input: {
        agentId,
        validFrom: options.validFrom ?? daysFromToday(-1),
        validTo: options.validTo ?? daysFromToday(300),
      },
    },
    as.manager(companyId),
  );
  let contract = createAgencyContract;
  if (status !== 'DRAFT') {
    contract = (
      await ok<{ submitAgencyContract: ContractData }>(SUBMIT_CONTRACT, { id: contract.id }, as.manager(companyId))
    ).submitAgencyContract;
  }
  if (status === 'APPROVED') {
    contract = (
      await ok<{ approveAgencyContract: ContractData }>(
        APPROVE_CONTRACT,
        { input: { id: contract.id, reason: 'Contract documents complete' } },
        as.officer(),
      )
    ).approveAgencyContract;
  }
  return contract;
}

async function mayActFor(agentId: string, companyId: string, caller: Viewer = as.officer()): Promise<boolean> {
  const r = await ok<{ externalAgent: { mayActFor: boolean } }>(
    MAY_ACT,
    { agent: agentId, company: companyId },
    caller,
  );
  return r.externalAgent.mayActFor;
}

async function eventsOf(aggregateId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  const rows = await sql<{ type: string; payload: Record<string, unknown> | string }>(
    `select type, payload from outbox_event where aggregate_id = ? order by seq`,
    [aggregateId],
  );
  return rows.map((r) => ({
    type: r.type,
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
  }));
}

/** Everything these operations could change, as one comparable value. */
async function snapshot(): Promise<string> {
  const tables = ['external_agent', 'agent_status_change', 'agency_contract', 'outbox_event'];
  const parts = await Promise.all(
    tables.map(async (t) => {
      const [row] = await sql<{ digest: string | null; n: string | number }>(
        `select md5(string_agg(t::text, '|' order by t::text)) as digest, count(*) as n from ${t} t`,
      );
      return `${t}:${row?.n}:${row?.digest}`;
    }),
  );
  return parts.join('\n');
}

/** Statements one request costs, minus what any request costs (token checks and the like). */
async function statementsFor(query: string, variables: Record<string, unknown>, caller: Viewer): Promise<number> {
  const measure = async (q: string, v: Record<string, unknown>): Promise<number> => {
    const before = sg.db.statementCount;
    await ok(q, v, caller);
    return sg.db.statementCount - before;
  };
  return (await measure(query, variables)) - (await measure('{ __typename }', {}));
}

const outcome = (r: GraphQLResponse<unknown>): string => (r.errors?.length ? codes(r).join(',') : 'OK');

// ----------------------------------------------------------------------------------------------

describe('external agents: reading', () => {
  const LIST = `query($first: Int, $filter: ExternalAgentFilter) { externalAgents(first: $first, filter: $filter) { totalCount edges { node { id status contactEmail rating } } } }`;
  type List = { externalAgents: { totalCount: number; edges: { node: AgentData }[] } };

  it('shows the ministry every agent with contact and rating', async () => {
    const r = await ok<List>(LIST, { first: 100 }, as.supervisor());
    expect(r.externalAgents.totalCount).toBe(demoAgents.length + 1);
    const byId = new Map(r.externalAgents.edges.map((e) => [e.node.id, e.node]));
    expect(byId.get(nusantara!.id)).toMatchObject({
      status: 'ACTIVE',
      contactEmail: 'ops@nusantara-umrah.co.id',
      rating: 4.6,
    });
    expect(byId.get(dhaka)).toMatchObject({ status: 'PENDING' });
  });

  it('filters by status, country and search', async () => {
    const pending = await ok<List>(LIST, { filter: { status: 'PENDING', countryCode: 'bd' } }, as.officer());
    expect(pending.externalAgents.edges.map((e) => e.node.id)).toEqual([dhaka]);
    const pk = await ok<List>(LIST, { filter: { countryCode: 'PK', search: 'karachi' } }, as.officer());
    expect(pk.externalAgents.edges.map((e) => e.node.id)).toEqual([karachi!.id]);
    const bad = await sg.request(LIST, { filter: { countryCode: 'XX' } }, as.officer());
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.countryCode' });
  });

  it('shows a manager only the agents contracted with their company, and an agent only itself', async () => {
    const manager = await ok<List>(LIST, {}, as.manager(safwa!.id));
    expect(new Set(manager.externalAgents.edges.map((e) => e.node.id))).toEqual(
      new Set(demoAgents.filter((a) => a.companyIds.includes(safwa!.id)).map((a) => a.id)),
    );
    expect(manager.externalAgents.edges.every((e) => e.node.contactEmail !== null)).toBe(true);
    const none = await ok<List>(LIST, {}, as.manager(marwa!.id));
    expect(none.externalAgents.totalCount).toBe(0);
    const agent = await ok<List>(LIST, {}, as.agent(capetown!.id));
    expect(agent.externalAgents.edges.map((e) => e.node.id)).toEqual([capetown!.id]);
  });

  it('shows the registry entry to anyone signed in but details only to the ministry, the agent and contracted managers', async () => {
    const ONE = `query($id: ID!) { externalAgent(id: $id) { name countryCode status contactEmail contactPhone rating violationsCount complaintsCount statusHistory { totalCount edges { node { toStatus reason } } } } }`;
    type One = {
      externalAgent: {
        name: string;
        contactEmail: string | null;
        rating: number | null;
        violationsCount: number | null;
        statusHistory: { totalCount: number } | null;
      } | null;
    };
    const hidden = {
      contactEmail: null,
      contactPhone: null,
      rating: null,
      violationsCount: null,
      complaintsCount: null,
      statusHistory: null,
    };
    for (const caller of [as.provider(demoProviders[0]!.id), as.manager(bayt!.id), as.agent(karachi!.id)]) {
      const r = await ok<One>(ONE, { id: nusantara!.id }, caller);
      expect(r.externalAgent).toMatchObject({ name: nusantara!.name, countryCode: 'ID', status: 'ACTIVE', ...hidden });
    }
    for (const caller of [as.supervisor(), as.manager(safwa!.id), as.agent(nusantara!.id)]) {
      const r = await ok<One>(ONE, { id: nusantara!.id }, caller);
      expect(r.externalAgent).toMatchObject({
        contactEmail: 'ops@nusantara-umrah.co.id',
        rating: 4.6,
        violationsCount: 0,
      });
      expect(r.externalAgent?.statusHistory?.totalCount).toBe(1);
    }
    const anonymous = await sg.request<One>(ONE, { id: nusantara!.id }, null);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const missing = await ok<One>(ONE, { id: demoId('agent:nobody') }, as.supervisor());
    expect(missing.externalAgent).toBeNull();
  });

  it('resolves agent references in one batch, details sliced the same way', async () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ExternalAgent { id name contactEmail } } }`;
    const r = { r: [nusantara, karachi, capetown].map((a) => ({ __typename: 'ExternalAgent', id: a!.id })) };
    expect(await statementsFor(ENTITIES, r, as.supervisor())).toBe(1);
    const ministry = await ok<{ _entities: { id: string; contactEmail: string | null }[] }>(
      ENTITIES,
      r,
      as.supervisor(),
    );
    expect(ministry._entities.map((e) => e.id)).toEqual([nusantara!.id, karachi!.id, capetown!.id]);
    const manager = await ok<{ _entities: { contactEmail: string | null }[] }>(ENTITIES, r, as.manager(rawda!.id));
    // Al-Rawda works with Nusantara and Cape Town, not Karachi.
    expect(manager._entities.map((e) => e.contactEmail !== null)).toEqual([true, false, true]);
  });

  it('batches contracts under agents: the statement count does not grow with the page', async () => {
    const NESTED = `query($first: Int) { externalAgents(first: $first) { edges { node { id contracts(first: 5) { totalCount edges { node { id status company { id } } } } } } } }`;
    const count = async (first: number): Promise<number> => {
      const r = await ok<{ externalAgents: { edges: unknown[] } }>(NESTED, { first }, as.supervisor());
      // The demo holds seven agents: twenty asks for all of them, two for a slice.
      expect(r.externalAgents.edges.length).toBe(Math.min(first, demoAgents.length + 1));
      return statementsFor(NESTED, { first }, as.supervisor());
    };
    expect(await count(20)).toBe(await count(2));
  });
});

describe('agency contracts: reading', () => {
  const LIST = `query($filter: AgencyContractFilter) { agencyContracts(first: 100, filter: $filter) { totalCount edges { node { id status company { id } agent { id } } } } }`;
  type List = { agencyContracts: { totalCount: number; edges: { node: ContractData }[] } };
  const demoPairs = demoAgents.flatMap((a) => a.companyIds.map((c) => [c, a.id] as const));

  it('reads the demo contracts with their effective status', async () => {
    const active = await ok<List>(LIST, { filter: { status: 'ACTIVE', companyId: noor!.id } }, as.supervisor());
    expect(active.agencyContracts.totalCount).toBe(demoPairs.filter(([c]) => c === noor!.id).length);
    const submitted = await ok<List>(LIST, { filter: { status: 'SUBMITTED', agentId: chicago!.id } }, as.supervisor());
    expect(submitted.agencyContracts.edges.map((e) => e.node.company.id)).toEqual([rawda!.id]);
    const terminated = await ok<List>(
      LIST,
      { filter: { status: 'TERMINATED', companyId: zamzam!.id } },
      as.supervisor(),
    );
    expect(terminated.agencyContracts.totalCount).toBe(1);
  });

  it('shows a manager only their company’s contracts and an agent only its own', async () => {
    const manager = await ok<List>(LIST, {}, as.manager(bayt!.id));
    expect(manager.agencyContracts.edges.every((e) => e.node.company.id === bayt!.id)).toBe(true);
    expect(manager.agencyContracts.totalCount).toBe(demoPairs.filter(([c]) => c === bayt!.id).length);
    const agent = await ok<List>(LIST, {}, as.agent(capetown!.id));
    expect(new Set(agent.agencyContracts.edges.map((e) => e.node.agent.id))).toEqual(new Set([capetown!.id]));
  });

  it('hides company B’s contracts from manager A exactly like missing ones', async () => {
    const rawdaContract = demoId(`contract:${nusantara!.id}:${rawda!.id}`);
    const ONE = `query($id: ID!) { agencyContract(id: $id) { id } }`;
    const other = await sg.request<{ agencyContract: null }>(ONE, { id: rawdaContract }, as.manager(safwa!.id));
    const missing = await sg.request<{ agencyContract: null }>(
      ONE,
      { id: demoId('contract:none') },
      as.manager(safwa!.id),
    );
    expect(other).toEqual(missing);
    expect(other.data?.agencyContract).toBeNull();
    const filtered = await ok<List>(LIST, { filter: { companyId: rawda!.id } }, as.manager(safwa!.id));
    expect(filtered.agencyContracts.totalCount).toBe(0);

    const COMPANY = `query($id: ID!) { company(id: $id) { id agencyContracts { totalCount } activeAgentIds } }`;
    const foreign = await ok<{ company: { agencyContracts: null; activeAgentIds: null } }>(
      COMPANY,
      { id: rawda!.id },
      as.manager(safwa!.id),
    );
    expect(foreign.company).toMatchObject({ agencyContracts: null, activeAgentIds: null });
    const own = await ok<{ company: { agencyContracts: { totalCount: number }; activeAgentIds: string[] } }>(
      COMPANY,
      { id: safwa!.id },
      as.manager(safwa!.id),
    );
    expect(own.company.agencyContracts.totalCount).toBeGreaterThanOrEqual(3);
    for (const a of demoAgents.filter((x) => x.companyIds.includes(safwa!.id)))
      expect(own.company.activeAgentIds).toContain(a.id);

    // Under the agent, a manager sees only the contracts with their own company.
    const AGENT = `query($id: ID!) { externalAgent(id: $id) { contracts { edges { node { company { id } } } } } }`;
    const underAgent = await ok<{ externalAgent: { contracts: { edges: { node: ContractData }[] } } }>(
      AGENT,
      { id: nusantara!.id },
      as.manager(safwa!.id),
    );
    expect(underAgent.externalAgent.contracts.edges.map((e) => e.node.company.id)).toEqual([safwa!.id]);
    const provider = await ok<{ externalAgent: { contracts: null } }>(
      AGENT,
      { id: nusantara!.id },
      as.provider(demoProviders[0]!.id),
    );
    expect(provider.externalAgent.contracts).toBeNull();
  });

  it('answers mayActFor for many pairs in one statement, and only to those who may know', async () => {
    const Q = `query($a: ID!, $b: ID!) { externalAgents(first: 100) { edges { node { id a: mayActFor(companyId: $a) b: mayActFor(companyId: $b) } } } }`;
    const vars = { a: safwa!.id, b: marwa!.id };
    const listOnly = await statementsFor(
      `{ externalAgents(first: 100) { edges { node { id } } } }`,
      {},
      as.supervisor(),
    );
    expect(await statementsFor(Q, vars, as.supervisor())).toBe(listOnly + 1);
    const r = await ok<{ externalAgents: { edges: { node: { id: string; a: boolean; b: boolean } }[] } }>(
      Q,
      vars,
      as.supervisor(),
    );
    const byId = new Map(r.externalAgents.edges.map((e) => [e.node.id, e.node]));
    for (const a of demoAgents) {
      expect(byId.get(a.id)?.a, a.name).toBe(a.companyIds.includes(safwa!.id));
      expect(byId.get(a.id)?.b).toBe(false);
    }
    expect(await mayActFor(nusantara!.id, safwa!.id, as.agent(nusantara!.id))).toBe(true);
    expect(await mayActFor(nusantara!.id, safwa!.id, as.manager(safwa!.id))).toBe(true);
    // Not theirs to know: read as if there were no contract.
    expect(await mayActFor(nusantara!.id, safwa!.id, as.manager(rawda!.id))).toBe(false);
    expect(await mayActFor(nusantara!.id, safwa!.id, as.agent(karachi!.id))).toBe(false);
    expect(await mayActFor(nusantara!.id, safwa!.id, as.provider(demoProviders[0]!.id))).toBe(false);
  });
});

describe('external agents: transitions', () => {
  it('registers PENDING, approves, suspends with the policy cure period, reinstates — with history and events', async () => {
    const input = { ...registration(), countryCode: 'my' };
    const { registerAgent } = await ok<{ registerAgent: AgentData & { countryCode: string } }>(
      REGISTER,
      { input },
      as.officer(),
    );
    expect(registerAgent).toMatchObject({ status: 'PENDING', countryCode: 'MY', contactPhone: '+60355500100' });
    const id = registerAgent.id;
    expect(await ok(APPROVE_AGENT, { input: { id, reason: 'Documents verified' } }, as.officer())).toEqual({
      approveAgent: { id, status: 'ACTIVE' },
    });
    await setPolicy({ agentCureDays: 7 });
    const suspended = await ok<{ suspendAgent: AgentData }>(
      SUSPEND_AGENT,
      { input: { id, reason: 'Overstays reported' } },
      as.officer(),
    );
    expect(suspended.suspendAgent).toMatchObject({ status: 'SUSPENDED', suspendedUntil: daysFromToday(7) });
    const reinstated = await ok<{ reinstateAgent: AgentData }>(
      REINSTATE_AGENT,
      { input: { id, reason: 'Cured' } },
      as.officer(),
    );
    expect(reinstated.reinstateAgent).toMatchObject({ status: 'ACTIVE', suspendedUntil: null });

    const history = await ok<{ externalAgent: { statusHistory: { edges: { node: Record<string, unknown> }[] } } }>(
      `query($id: ID!) { externalAgent(id: $id) { statusHistory { edges { node { fromStatus toStatus reason cureUntil } } } } }`,
      { id },
      as.supervisor(),
    );
    expect(history.externalAgent.statusHistory.edges.map((e) => e.node)).toEqual([
      { fromStatus: null, toStatus: 'PENDING', reason: 'Registered by a ministry officer', cureUntil: null },
      { fromStatus: 'PENDING', toStatus: 'ACTIVE', reason: 'Documents verified', cureUntil: null },
      { fromStatus: 'ACTIVE', toStatus: 'SUSPENDED', reason: 'Overstays reported', cureUntil: daysFromToday(7) },
      { fromStatus: 'SUSPENDED', toStatus: 'ACTIVE', reason: 'Cured', cureUntil: null },
    ]);
    const events = await eventsOf(id);
    expect(events.map((e) => [e.type, e.payload['status'], e.payload['previousStatus']])).toEqual([
      ['AgentStatusChanged', 'PENDING', null],
      ['AgentStatusChanged', 'ACTIVE', 'PENDING'],
      ['AgentStatusChanged', 'SUSPENDED', 'ACTIVE'],
      ['AgentStatusChanged', 'ACTIVE', 'SUSPENDED'],
    ]);
    await setPolicy({});
  });

  it('takes an explicit cure date and refuses one that is not in the future', async () => {
    const id = await newAgent();
    const past = await sg.request(
      SUSPEND_AGENT,
      { input: { id, reason: 'Late reporting', cureUntil: TODAY } },
      as.officer(),
    );
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cureUntil' });
    const r = await ok<{ suspendAgent: AgentData }>(
      SUSPEND_AGENT,
      { input: { id, reason: 'Late reporting', cureUntil: daysFromToday(20) } },
      as.officer(),
    );
    expect(r.suspendAgent.suspendedUntil).toBe(daysFromToday(20));
  });

  it('refuses every transition the status does not allow', async () => {
    const cases: [string, string, string][] = [
      ['PENDING', SUSPEND_AGENT, 'suspend'],
      ['PENDING', REINSTATE_AGENT, 'reinstate'],
      ['ACTIVE', APPROVE_AGENT, 'approve'],
      ['ACTIVE', REINSTATE_AGENT, 'reinstate'],
      ['SUSPENDED', APPROVE_AGENT, 'approve'],
      ['SUSPENDED', SUSPEND_AGENT, 'suspend'],
    ];
    for (const [status, mutation] of cases) {
      const id = await newAgent(status as 'PENDING' | 'ACTIVE' | 'SUSPENDED');
      const before = await snapshot();
      const r = await sg.request(mutation, { input: { id, reason: 'Attempted change' } }, as.officer());
      expect(codes(r), `${status} ${mutation}`).toEqual(['INVALID_AGENT_TRANSITION']);
      expect(await snapshot()).toBe(before);
    }
    const missing = await sg.request(
      APPROVE_AGENT,
      { input: { id: demoId('agent:nobody'), reason: 'x-ray' } },
      as.officer(),
    );
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('lets only one of two concurrent approvals through', async () => {
    const id = await newAgent('PENDING');
    const results = await Promise.all(
      [1, 2].map(() => sg.request(APPROVE_AGENT, { input: { id, reason: 'Documents verified' } }, as.officer())),
    );
    expect(results.map(outcome).sort()).toEqual(['INVALID_AGENT_TRANSITION', 'OK']);
    expect((await eventsOf(id)).length).toBe(2);
  });

  it('refuses a duplicate registration and bad input, naming the field', async () => {
    const input = registration();
    await ok(REGISTER, { input }, as.officer());
    const dup = await sg.request(REGISTER, { input: { ...input, name: 'Another name' } }, as.officer());
    expect(dup.errors?.[0]?.extensions).toMatchObject({
      code: 'AGENT_ALREADY_REGISTERED',
      field: 'input.homeLicenseNumber',
    });
    const bad: [Record<string, string>, string][] = [
      [{ countryCode: 'XX' }, 'input.countryCode'],
      [{ countryCode: 'EU' }, 'input.countryCode'],
      [{ contactEmail: 'not-an-email' }, 'input.contactEmail'],
      [{ contactPhone: '0555' }, 'input.contactPhone'],
      [{ name: 'A' }, 'input.name'],
    ];
    for (const [change, field] of bad) {
      const r = await sg.request(REGISTER, { input: { ...registration(), ...change } }, as.officer());
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('agency contracts: transitions', () => {
  it('walks DRAFT → SUBMITTED → DRAFT (rejected) → SUBMITTED → ACTIVE → TERMINATED with an event each', async () => {
    const draft = await newContract('DRAFT');
    expect(draft).toMatchObject({ status: 'DRAFT', season: '1447', company: { id: safwa!.id } });
    const manager = as.manager(safwa!.id);
    const submitted = await ok<{ submitAgencyContract: ContractData }>(SUBMIT_CONTRACT, { id: draft.id }, manager);
    expect(submitted.submitAgencyContract.status).toBe('SUBMITTED');
    const rejected = await ok<{ rejectAgencyContract: ContractData }>(
      REJECT_CONTRACT,
      { input: { id: draft.id, reason: 'Agent licence copy missing' } },
      as.officer(),
    );
    expect(rejected.rejectAgencyContract).toMatchObject({
      status: 'DRAFT',
      rejectionReason: 'Agent licence copy missing',
    });
    await ok(SUBMIT_CONTRACT, { id: draft.id }, manager);
    const approved = await ok<{ approveAgencyContract: ContractData }>(
      APPROVE_CONTRACT,
      { input: { id: draft.id, reason: 'Complete' } },
      as.officer(),
    );
    // validFrom is yesterday: approved reads ACTIVE at once.
    expect(approved.approveAgencyContract).toMatchObject({
      status: 'ACTIVE',
      rejectionReason: 'Agent licence copy missing',
    });
    expect(await mayActFor(draft.agent.id, safwa!.id)).toBe(true);
    const terminated = await ok<{ terminateAgencyContract: ContractData }>(
      TERMINATE_CONTRACT,
      { input: { id: draft.id, reason: 'Company ends the partnership' } },
      manager,
    );
    expect(terminated.terminateAgencyContract).toMatchObject({
      status: 'TERMINATED',
      terminationReason: 'Company ends the partnership',
    });
    expect(await mayActFor(draft.agent.id, safwa!.id)).toBe(false);

    const events = await eventsOf(draft.id);
    expect(events.map((e) => [e.type, e.payload['status'], e.payload['active']])).toEqual([
      ['AgencyContractChanged', 'DRAFT', false],
      ['AgencyContractChanged', 'SUBMITTED', false],
      ['AgencyContractChanged', 'DRAFT', false],
      ['AgencyContractChanged', 'SUBMITTED', false],
      ['AgencyContractChanged', 'ACTIVE', true],
      ['AgencyContractChanged', 'TERMINATED', false],
    ]);
    expect(events[4]!.payload).toEqual({
      companyId: safwa!.id,
      agentId: draft.agent.id,
      status: 'ACTIVE',
      validFrom: draft.validFrom,
      validTo: draft.validTo,
      active: true,
    });
  });

  it('reads APPROVED (and may not act) until the first valid day', async () => {
    const future = await newContract('APPROVED', { validFrom: daysFromToday(30), validTo: daysFromToday(400) });
    expect(future.status).toBe('APPROVED');
    expect(await mayActFor(future.agent.id, safwa!.id)).toBe(false);
    const [event] = (await eventsOf(future.id)).slice(-1);
    expect(event?.payload).toMatchObject({ status: 'APPROVED', active: false, validFrom: daysFromToday(30) });
    const list = await ok<{ agencyContracts: { edges: { node: { id: string } }[] } }>(
      `query($agent: ID) { agencyContracts(filter: { status: APPROVED, agentId: $agent }) { edges { node { id } } } }`,
      { agent: future.agent.id },
      as.officer(),
    );
    expect(list.agencyContracts.edges.map((e) => e.node.id)).toEqual([future.id]);
  });

  it('reads EXPIRED past the last day, and an expired contract cannot be terminated', async () => {
    const agentId = await newAgent();
    const id = demoId(`contract:expired:${agentId}`);
    await sql(
      `insert into agency_contract (id, company_id, agent_id, valid_from, valid_to, status, season, approved_at)
       values (?, ?, ?, ?, ?, 'APPROVED', '1447', now())`,
      [id, safwa!.id, agentId, daysFromToday(-400), daysFromToday(-1)],
    );
    const r = await ok<{ agencyContract: { status: string } }>(
      `query($id: ID!) { agencyContract(id: $id) { status } }`,
      { id },
      as.officer(),
    );
    expect(r.agencyContract.status).toBe('EXPIRED');
    expect(await mayActFor(agentId, safwa!.id)).toBe(false);
    const t = await sg.request(TERMINATE_CONTRACT, { input: { id, reason: 'Too late' } }, as.officer());
    expect(codes(t)).toEqual(['INVALID_CONTRACT_TRANSITION']);
    // The lapsed contract frees the pair for a new one.
    const again = await ok<{ createAgencyContract: ContractData }>(
      CREATE_CONTRACT,
      { input: { agentId, validFrom: TODAY, validTo: daysFromToday(100) } },
      as.manager(safwa!.id),
    );
    expect(again.createAgencyContract.status).toBe('DRAFT');
  });

  it('refuses every transition the status does not allow', async () => {
    const officer = as.officer();
    const manager = as.manager(safwa!.id);
    const attempts: [string, string, (id: string) => Promise<GraphQLResponse<unknown>>][] = [
      ['DRAFT', 'approve', (id) => sg.request(APPROVE_CONTRACT, { input: { id, reason: 'Looks fine' } }, officer)],
      ['DRAFT', 'reject', (id) => sg.request(REJECT_CONTRACT, { input: { id, reason: 'No thanks' } }, officer)],
      ['SUBMITTED', 'submit', (id) => sg.request(SUBMIT_CONTRACT, { id }, manager)],
      ['APPROVED', 'submit', (id) => sg.request(SUBMIT_CONTRACT, { id }, manager)],
      ['APPROVED', 'approve', (id) => sg.request(APPROVE_CONTRACT, { input: { id, reason: 'Again' } }, officer)],
      ['APPROVED', 'reject', (id) => sg.request(REJECT_CONTRACT, { input: { id, reason: 'Changed mind' } }, officer)],
    ];
    for (const [status, action, attempt] of attempts) {
      const contract = await newContract(status as 'DRAFT' | 'SUBMITTED' | 'APPROVED');
      const before = await snapshot();
      expect(codes(await attempt(contract.id)), `${status} ${action}`).toEqual(['INVALID_CONTRACT_TRANSITION']);
      expect(await snapshot()).toBe(before);
    }
    const ended = await newContract('SUBMITTED');
    await ok(TERMINATE_CONTRACT, { input: { id: ended.id, reason: 'Withdrawn' } }, officer);
    for (const attempt of [
      () => sg.request(TERMINATE_CONTRACT, { input: { id: ended.id, reason: 'Twice' } }, officer),
      () => sg.request(SUBMIT_CONTRACT, { id: ended.id }, manager),
      () => sg.request(APPROVE_CONTRACT, { input: { id: ended.id, reason: 'Late' } }, officer),
      () => sg.request(REJECT_CONTRACT, { input: { id: ended.id, reason: 'Late' } }, officer),
    ]) {
      expect(codes(await attempt())).toEqual(['INVALID_CONTRACT_TRANSITION']);
    }
  });

  it('refuses a contract with an agent that is not active, bad dates, or a second live contract', async () => {
    const manager = as.manager(safwa!.id);
    for (const status of ['PENDING', 'SUSPENDED'] as const) {
      const agentId = await newAgent(status);
      const r = await sg.request(
        CREATE_CONTRACT,
        { input: { agentId, validFrom: TODAY, validTo: daysFromToday(90) } },
        manager,
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'AGENT_NOT_ACTIVE', field: 'input.agentId' });
    }
    const agentId = await newAgent();
    const backwards = await sg.request(
      CREATE_CONTRACT,
      { input: { agentId, validFrom: TODAY, validTo: TODAY } },
      manager,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validTo' });
    await ok(CREATE_CONTRACT, { input: { agentId, validFrom: TODAY, validTo: daysFromToday(90) } }, manager);
    const second = await sg.request(
      CREATE_CONTRACT,
      { input: { agentId, validFrom: daysFromToday(100), validTo: daysFromToday(190) } },
      manager,
    );
    expect(codes(second)).toEqual(['CONTRACT_OVERLAPS']);
    const unknown = await sg.request(
      CREATE_CONTRACT,
      { input: { agentId: demoId('agent:nobody'), validFrom: TODAY, validTo: daysFromToday(9) } },
      manager,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.agentId' });
  });

  it('will not approve a contract whose agent was suspended meanwhile, and a suspended agent may not act', async () => {
    const pending = await newContract('SUBMITTED');
    await ok(SUSPEND_AGENT, { input: { id: pending.agent.id, reason: 'Complaints' } }, as.officer());
    const r = await sg.request(APPROVE_CONTRACT, { input: { id: pending.id, reason: 'Complete' } }, as.officer());
    expect(codes(r)).toEqual(['AGENT_NOT_ACTIVE']);

    const active = await newContract('APPROVED');
    expect(await mayActFor(active.agent.id, safwa!.id)).toBe(true);
    await ok(SUSPEND_AGENT, { input: { id: active.agent.id, reason: 'Complaints' } }, as.officer());
    expect(await mayActFor(active.agent.id, safwa!.id)).toBe(false);
    await ok(REINSTATE_AGENT, { input: { id: active.agent.id, reason: 'Cured' } }, as.officer());
    expect(await mayActFor(active.agent.id, safwa!.id)).toBe(true);
  });

  it('lets only one of two concurrent decisions on a submitted contract through', async () => {
    const contract = await newContract('SUBMITTED');
    const results = await Promise.all([
      sg.request(APPROVE_CONTRACT, { input: { id: contract.id, reason: 'Complete' } }, as.officer()),
      sg.request(REJECT_CONTRACT, { input: { id: contract.id, reason: 'Incomplete' } }, as.officer()),
    ]);
    expect(results.map(outcome).sort()).toEqual(['INVALID_CONTRACT_TRANSITION', 'OK']);
  });

  it('refuses registration after the season’s cut-off, read from the policy', async () => {
    const draft = await newContract('DRAFT');
    const manager = as.manager(safwa!.id);
    await setPolicy({ contractCutoffOn: daysFromToday(-1) });
    const late = await sg.request(SUBMIT_CONTRACT, { id: draft.id }, manager);
    expect(codes(late)).toEqual(['CONTRACT_CUTOFF_PASSED']);
    const still = await ok<{ agencyContract: { status: string } }>(
      `query($id: ID!) { agencyContract(id: $id) { status } }`,
      { id: draft.id },
      manager,
    );
    expect(still.agencyContract.status).toBe('DRAFT');
    // The cut-off day itself is still open.
    await setPolicy({ contractCutoffOn: TODAY });
    const onTime = await ok<{ submitAgencyContract: ContractData }>(SUBMIT_CONTRACT, { id: draft.id }, manager);
    expect(onTime.submitAgencyContract.status).toBe('SUBMITTED');
    await setPolicy({ contractCutoffOn: daysFromToday(60) });
  });
});

describe('role × operation', () => {
  type Role = 'supervisor' | 'officer' | 'manager' | 'otherManager' | 'agent' | 'provider' | 'anonymous';
  const callers: Record<Role, () => Viewer | null> = {
    supervisor: () => as.supervisor(),
    officer: () => as.officer(),
    manager: () => as.manager(safwa!.id),
    otherManager: () => as.manager(rawda!.id),
    agent: () => as.agent(nusantara!.id),
    provider: () => as.provider(demoProviders[0]!.id),
    anonymous: () => null,
  };
  const F = 'FORBIDDEN';
  const U = 'UNAUTHENTICATED';
  const N = 'NOT_FOUND';

  interface Operation {
    name: string;
    query: string;
    prepare: () => Promise<Record<string, unknown>>;
    expected: Record<Role, string>;
  }

  const reason = 'Decision recorded in the test';
  const operations: Operation[] = [
    {
      name: 'registerAgent',
      query: REGISTER,
      prepare: async () => ({ input: registration() }),
      expected: { supervisor: F, officer: 'OK', manager: F, otherManager: F, agent: F, provider: F, anonymous: U },
    },
    {
      name: 'approveAgent',
      query: APPROVE_AGENT,
      prepare: async () => ({ input: { id: await newAgent('PENDING'), reason } }),
      expected: { supervisor: F, officer: 'OK', manager: F, otherManager: F, agent: F, provider: F, anonymous: U },
    },
    {
      name: 'suspendAgent',
      query: SUSPEND_AGENT,
      prepare: async () => ({ input: { id: await newAgent('ACTIVE'), reason } }),
      expected: { supervisor: F, officer: 'OK', manager: F, otherManager: F, agent: F, provider: F, anonymous: U },
    },
    {
      name: 'reinstateAgent',
      query: REINSTATE_AGENT,
      prepare: async () => ({ input: { id: await newAgent('SUSPENDED'), reason } }),
      expected: { supervisor: F, officer: 'OK', manager: F, otherManager: F, agent: F, provider: F, anonymous: U },
    },
    {
      name: 'createAgencyContract',
      query: CREATE_CONTRACT,
      prepare: async () => ({
        input: { agentId: await newAgent(), validFrom: daysFromToday(1), validTo: daysFromToday(200) },
      }),
      // Another manager creates a contract for their own company: allowed, it is their slice.
      expected: { supervisor: F, officer: F, manager: 'OK', otherManager: 'OK', agent: F, provider: F, anonymous: U },
    },
    {
      name: 'submitAgencyContract',
      query: SUBMIT_CONTRACT,
      prepare: async () => ({ id: (await newContract('DRAFT')).id }),
      expected: { supervisor: F, officer: F, manager: 'OK', otherManager: N, agent: F, provider: F, anonymous: U },
    },
    {
      name: 'approveAgencyContract',
      query: APPROVE_CONTRACT,
      prepare: async () => ({ input: { id: (await newContract('SUBMITTED')).id, reason } }),
      expected: { supervisor: F, officer: 'OK', manager: F, otherManager: F, agent: F, provider: F, anonymous: U },
    },
    {
      name: 'rejectAgencyContract',
      query: REJECT_CONTRACT,
      prepare: async () => ({ input: { id: (await newContract('SUBMITTED')).id, reason } }),
      expected: { supervisor: F, officer: 'OK', manager: F, otherManager: F, agent: F, provider: F, anonymous: U },
    },
    {
      name: 'terminateAgencyContract',
      query: TERMINATE_CONTRACT,
      prepare: async () => ({ input: { id: (await newContract('APPROVED')).id, reason } }),
      expected: { supervisor: F, officer: 'OK', manager: 'OK', otherManager: N, agent: F, provider: F, anonymous: U },
    },
  ];

  for (const op of operations) {
    it(`${op.name}: ${Object.entries(op.expected)
      .map(([role, code]) => `${role} ${code}`)
      .join(', ')}`, async () => {
      const actual: Partial<Record<Role, string>> = {};
      // Refusals share one target and must leave everything exactly as it was.
      const shared = await op.prepare();
      const before = await snapshot();
      for (const role of Object.keys(callers) as Role[]) {
        if (op.expected[role] === 'OK') continue;
        actual[role] = outcome(await sg.request(op.query, shared, callers[role]()));
      }
      expect(await snapshot()).toBe(before);
      // Each permitted role acts on a target of its own.
      for (const role of Object.keys(callers) as Role[]) {
        if (op.expected[role] !== 'OK') continue;
        actual[role] = outcome(await sg.request(op.query, await op.prepare(), callers[role]()));
      }
      expect(actual).toEqual(op.expected);
    });
  }

  const reads: { name: string; query: string; expected: Record<Role, string> }[] = [
    {
      name: 'externalAgents',
      query: `{ externalAgents { totalCount } }`,
      expected: {
        supervisor: 'OK',
        officer: 'OK',
        manager: 'OK',
        otherManager: 'OK',
        agent: 'OK',
        provider: F,
        anonymous: U,
      },
    },
    {
      name: 'externalAgent',
      query: `{ externalAgent(id: "${nusantara!.id}") { id name } }`,
      expected: {
        supervisor: 'OK',
        officer: 'OK',
        manager: 'OK',
        otherManager: 'OK',
        agent: 'OK',
        provider: 'OK',
        anonymous: U,
      },
    },
    {
      name: 'agencyContracts',
      query: `{ agencyContracts { totalCount } }`,
      expected: {
        supervisor: 'OK',
        officer: 'OK',
        manager: 'OK',
        otherManager: 'OK',
        agent: 'OK',
        provider: F,
        anonymous: U,
      },
    },
    {
      name: 'agencyContract',
      query: `{ agencyContract(id: "${demoId(`contract:${nusantara!.id}:${safwa!.id}`)}") { id } }`,
      expected: {
        supervisor: 'OK',
        officer: 'OK',
        manager: 'OK',
        otherManager: 'OK',
        agent: 'OK',
        provider: F,
        anonymous: U,
      },
    },
  ];
  for (const read of reads) {
    it(`${read.name}: provider and anonymous are refused, the others read their slice`, async () => {
      const actual: Partial<Record<Role, string>> = {};
      for (const role of Object.keys(callers) as Role[]) {
        actual[role] = outcome(await sg.request(read.query, {}, callers[role]()));
      }
      expect(actual).toEqual(read.expected);
    });
  }
});

describe('a company that may not operate takes no new contracts', () => {
  it('refuses a draft contract for a company whose licence is suspended', async () => {
    const r = await sg.request(
      CREATE_CONTRACT,
      { input: { agentId: capetown!.id, validFrom: daysFromToday(10), validTo: daysFromToday(200) } },
      as.manager(bayt!.id),
    );
    expect(codes(r)).toEqual(['COMPANY_MAY_NOT_OPERATE']);
  });
});
