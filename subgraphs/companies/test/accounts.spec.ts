import { DEMO_PASSWORD, demoAccounts, demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import { SUBGRAPH_SECRET_HEADER, type Viewer } from '@umrah/subgraph-kit';
import {
  as,
  bootGraph,
  bootSubgraph,
  codes,
  postGraphQL,
  type GraphQLResponse,
  type TestSubgraph,
} from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companiesSubgraph } from '../src/index';

let sg: TestSubgraph;
const [safwa, rawda] = demoCompanies;
const account = (key: string) => demoAccounts.find((a) => a.email.startsWith(key))!;
const STRONG = 'Staff-Password-2026';

beforeAll(async () => {
  sg = await bootSubgraph(companiesSubgraph, { demo: true });
});
afterAll(() => sg.close());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken viewer { id role } } }`;
const ME = `{ me { id kind role email } }`;
const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id email role status company { id } agent { id } provider { id } } }`;
const ADD_STAFF = `mutation($input: AddStaffInput!) { addStaff(input: $input) { id email role status company { id } } }`;
const DISABLE = `mutation($input: AccountActionInput!) { disableAccount(input: $input) { id status disabledAt disabledReason } }`;
const ENABLE = `mutation($input: AccountActionInput!) { enableAccount(input: $input) { id status disabledAt } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { id } }`;
const ACCOUNTS = `query($filter: AccountFilter) { accounts(first: 100, filter: $filter) { totalCount edges { node { id email role status company { id } } } } }`;

let serial = 0;
const uniqueEmail = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${serial++}@test.demo`;

/** Signs in from a given client address, as the gateway would forward it. */
function login(
  email: string,
  password: string,
  address = '192.0.2.1',
): Promise<GraphQLResponse<{ login: { accessToken: string } }>> {
  return postGraphQL(sg.url, LOGIN, { input: { email, password } }, null, {
    [SUBGRAPH_SECRET_HEADER]: sg.secret,
    'x-forwarded-for': address,
  });
}

async function tokenOf(email: string, password: string): Promise<string> {
  const r = await login(email, password, `198.18.0.${serial++ % 250}`);
  if (!r.data?.login) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
  return r.data.login.accessToken;
}

/** A new manager account of a company, created directly by an officer. */
async function newStaff(companyId: string): Promise<{ id: string; email: string }> {
  const email = uniqueEmail('staff');
  const r = await sg.request<{ createAccount: { id: string } }>(
    CREATE,
    { input: { email, displayName: 'New Staff', role: 'COMPANY_MANAGER', companyId, initialPassword: STRONG } },
    as.officer(),
  );
  if (!r.data?.createAccount) throw new Error(JSON.stringify(r.errors));
  return { id: r.data.createAccount.id, email };
}

/** Every account row as text: a refused mutation must leave it unchanged. */
async function accountsSnapshot(): Promise<string> {
  const rows = await sg.db
    .fork()
    .getConnection()
    .execute<{ s: string }[]>(
      `select string_agg(id || ':' || coalesce(disabled_at::text, '-') || ':' || password_hash, ',' order by id) as s from account`,
    );
  return rows[0]!.s;
}

type Who = 'anonymous' | 'supervisor' | 'officer' | 'manager' | 'agent' | 'provider';
const callers: Record<Who, () => Viewer | null> = {
  anonymous: () => null,
  supervisor: () => as.supervisor(),
  officer: () => as.officer(),
  manager: () => as.manager(safwa!.id),
  agent: () => as.agent(demoAgents[0]!.id),
  provider: () => as.provider(demoProviders[0]!.id),
};

interface Operation {
  /** Builds the request against fresh data (so every allowed cell really succeeds). */
  prepare(): Promise<{ query: string; variables: Record<string, unknown> }>;
  mutation: boolean;
}

const operations: Record<string, Operation> = {
  createAccount: {
    mutation: true,
    prepare: async () => ({
      query: CREATE,
      variables: {
        input: {
          email: uniqueEmail('agent'),
          displayName: 'Agent Desk',
          role: 'AGENT',
          agentId: demoAgents[1]!.id,
          initialPassword: STRONG,
        },
      },
    }),
  },
  addStaff: {
    mutation: true,
    prepare: async () => ({
      query: ADD_STAFF,
      variables: { input: { email: uniqueEmail('colleague'), displayName: 'Colleague', initialPassword: STRONG } },
    }),
  },
  disableAccount: {
    mutation: true,
    prepare: async () => ({
      query: DISABLE,
      variables: { input: { id: (await newStaff(safwa!.id)).id, reason: 'Left the company' } },
    }),
  },
  enableAccount: {
    mutation: true,
    prepare: async () => {
      const staff = await newStaff(safwa!.id);
      await sg.request(DISABLE, { input: { id: staff.id, reason: 'On leave' } }, as.officer());
      return { query: ENABLE, variables: { input: { id: staff.id, reason: 'Back from leave' } } };
    },
  },
  accounts: { mutation: false, prepare: async () => ({ query: ACCOUNTS, variables: {} }) },
};

const OK = 'OK';
// Role × operation: what each caller gets. Supervisors read but every mutation is FORBIDDEN.
const table: Record<string, Record<Who, string>> = {
  createAccount: {
    anonymous: 'UNAUTHENTICATED',
    supervisor: 'FORBIDDEN',
    officer: OK,
    manager: 'FORBIDDEN',
    agent: 'FORBIDDEN',
    provider: 'FORBIDDEN',
  },
  addStaff: {
    anonymous: 'UNAUTHENTICATED',
    supervisor: 'FORBIDDEN',
    officer: 'FORBIDDEN',
    manager: OK,
    agent: 'FORBIDDEN',
    provider: 'FORBIDDEN',
  },
  disableAccount: {
    anonymous: 'UNAUTHENTICATED',
    supervisor: 'FORBIDDEN',
    officer: OK,
    manager: OK,
    agent: 'FORBIDDEN',
    provider: 'FORBIDDEN',
  },
  enableAccount: {
    anonymous: 'UNAUTHENTICATED',
    supervisor: 'FORBIDDEN',
    officer: OK,
    manager: OK,
    agent: 'FORBIDDEN',
    provider: 'FORBIDDEN',
  },
  accounts: {
    anonymous: 'UNAUTHENTICATED',
    supervisor: OK,
    officer: OK,
    manager: OK,
    agent: 'FORBIDDEN',
    provider: 'FORBIDDEN',
  },
};

describe('role × operation', () => {
  const cells = Object.entries(table).flatMap(([operation, row]) =>
    (Object.entries(row) as [Who, string][]).map(([who, expected]) => ({ operation, who, expected })),
  );

  it.each(cells)('$operation as $who → $expected', async ({ operation, who, expected }) => {
    const op = operations[operation]!;
    const { query, variables } = await op.prepare();
    const before = await accountsSnapshot();
    const r = await sg.request(query, variables, callers[who]());
    if (expected === OK) {
      expect(r.errors).toBeUndefined();
      return;
    }
    expect(codes(r)).toEqual([expected]);
    expect(r.data).toBeNull();
    if (op.mutation) expect(await accountsSnapshot()).toBe(before);
  });
});

describe('officers create accounts', () => {
  it('creates accounts of every kind, each tied to its party, and the person can sign in', async () => {
    const kinds = [
      { role: 'COMPANY_MANAGER', companyId: rawda!.id },
      { role: 'AGENT', agentId: demoAgents[2]!.id },
      { role: 'PROVIDER', providerId: demoProviders[1]!.id },
      { role: 'MINISTRY_OFFICER' },
      { role: 'MINISTRY_SUPERVISOR' },
    ];
    for (const kind of kinds) {
      const email = uniqueEmail(kind.role.toLowerCase());
      const r = await sg.request<{
        createAccount: { role: string; status: string; company: { id: string } | null; agent: { id: string } | null };
      }>(
        CREATE,
        { input: { email: email.toUpperCase(), displayName: 'Someone', initialPassword: STRONG, ...kind } },
        as.officer(),
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.createAccount).toMatchObject({ role: kind.role, status: 'ACTIVE' });
      expect(r.data?.createAccount.company?.id ?? null).toBe(kind.companyId ?? null);
      expect(r.data?.createAccount.agent?.id ?? null).toBe(kind.agentId ?? null);
      const me = await sg.request<{ me: { role: string; email: string } }>(ME, {}, await tokenOf(email, STRONG));
      expect(me.data?.me).toMatchObject({ role: kind.role, email });
    }
  });

  it('refuses a taken email in any case, naming the field', async () => {
    const r = await sg.request(
      CREATE,
      {
        input: {
          email: ' Officer@Ministry.Demo ',
          displayName: 'Twin',
          role: 'MINISTRY_OFFICER',
          initialPassword: STRONG,
        },
      },
      as.officer(),
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'EMAIL_TAKEN', field: 'input.email' });
  });

  it.each(['short-Pass1', 'onlylowercaseletters', '123456789012345'])(
    'refuses the weak password %s',
    async (password) => {
      const r = await sg.request(
        CREATE,
        {
          input: {
            email: uniqueEmail('weak'),
            displayName: 'Weak',
            role: 'MINISTRY_OFFICER',
            initialPassword: password,
          },
        },
        as.officer(),
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'WEAK_PASSWORD', field: 'input.initialPassword' });
    },
  );

  it('refuses a role that does not match the party ids, naming the field', async () => {
    const base = { displayName: 'Mismatch', initialPassword: STRONG };
    const cases = [
      { input: { role: 'COMPANY_MANAGER' }, field: 'input.companyId' },
      { input: { role: 'AGENT', companyId: safwa!.id, agentId: demoAgents[0]!.id }, field: 'input.companyId' },
      { input: { role: 'MINISTRY_OFFICER', providerId: demoProviders[0]!.id }, field: 'input.providerId' },
      { input: { role: 'AGENT', agentId: '01900000-0000-7000-8000-00000000dead' }, field: 'input.agentId' },
      { input: { role: 'COMPANY_MANAGER', companyId: 'not-a-uuid' }, field: 'input.companyId' },
      // An empty id where the role has none (found by the fuzzer, seed 14988871: it reached the uuid column).
      { input: { role: 'PROVIDER', companyId: '', providerId: demoProviders[0]!.id }, field: 'input.companyId' },
      { input: { role: 'MINISTRY_OFFICER', agentId: '' }, field: 'input.agentId' },
    ];
    for (const c of cases) {
      const r = await sg.request(CREATE, { input: { ...base, ...c.input, email: uniqueEmail('x') } }, as.officer());
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: c.field });
    }
  });
});

describe('company managers and their staff', () => {
  it('adds staff to their own company only', async () => {
    const r = await sg.request<{ addStaff: { role: string; company: { id: string } } }>(
      ADD_STAFF,
      { input: { email: uniqueEmail('desk'), displayName: 'Front Desk', initialPassword: STRONG } },
      as.manager(rawda!.id),
    );
    expect(r.data?.addStaff).toMatchObject({ role: 'COMPANY_MANAGER', company: { id: rawda!.id } });
  });

  it('lists only their own company’s accounts; the ministry lists all', async () => {
    type List = { accounts: { totalCount: number; edges: { node: { company: { id: string } | null } }[] } };
    const own = await sg.request<List>(ACCOUNTS, {}, as.manager(safwa!.id));
    expect(own.data!.accounts.totalCount).toBeGreaterThan(0);
    expect(own.data!.accounts.edges.every((e) => e.node.company?.id === safwa!.id)).toBe(true);
    const other = await sg.request<List>(ACCOUNTS, { filter: { companyId: rawda!.id } }, as.manager(safwa!.id));
    expect(other.data!.accounts.totalCount).toBe(0);
    const all = await sg.request<List>(ACCOUNTS, {}, as.supervisor());
    expect(all.data!.accounts.totalCount).toBeGreaterThan(own.data!.accounts.totalCount);
    const agents = await sg.request<List>(ACCOUNTS, { filter: { role: 'AGENT' } }, as.officer());
    expect(agents.data!.accounts.edges.every((e) => e.node.company === null)).toBe(true);
  });

  it('cannot disable another company’s account: it looks exactly like a missing one', async () => {
    const rawdaStaff = await newStaff(rawda!.id);
    const before = await accountsSnapshot();
    const foreign = await sg.request(
      DISABLE,
      { input: { id: rawdaStaff.id, reason: 'Not mine' } },
      as.manager(safwa!.id),
    );
    const officer = await sg.request(
      DISABLE,
      { input: { id: account('officer').id, reason: 'Not mine' } },
      as.manager(safwa!.id),
    );
    const missing = await sg.request(
      DISABLE,
      { input: { id: '01900000-0000-7000-8000-000000000404', reason: 'Not mine' } },
      as.manager(safwa!.id),
    );
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(foreign.errors).toEqual(missing.errors);
    expect(officer.errors).toEqual(missing.errors);
    expect(await accountsSnapshot()).toBe(before);
  });

  it('cannot disable themself, and disabling twice is refused', async () => {
    const self: Viewer = { ...as.manager(safwa!.id), accountId: account('manager@safwa').id };
    const r = await sg.request(DISABLE, { input: { id: self.accountId, reason: 'Testing' } }, self);
    expect(codes(r)).toEqual(['CANNOT_DISABLE_SELF']);
    const staff = await newStaff(safwa!.id);
    expect(codes(await sg.request(DISABLE, { input: { id: staff.id, reason: 'Left' } }, self))).toEqual([]);
    expect(codes(await sg.request(DISABLE, { input: { id: staff.id, reason: 'Left' } }, self))).toEqual([
      'ALREADY_DISABLED',
    ]);
    expect(codes(await sg.request(DISABLE, { input: { id: staff.id, reason: '' } }, self))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a disabled account', () => {
  it('cannot sign in, and its earlier token stops working at once', async () => {
    const staff = await newStaff(safwa!.id);
    const token = await tokenOf(staff.email, STRONG);
    expect((await sg.request<{ me: { id: string } }>(ME, {}, token)).data?.me.id).toBe(staff.id);

    const disabled = await sg.request<{ disableAccount: { status: string; disabledReason: string } }>(
      DISABLE,
      { input: { id: staff.id, reason: 'Left the company' } },
      as.manager(safwa!.id),
    );
    expect(disabled.data?.disableAccount).toMatchObject({ status: 'DISABLED', disabledReason: 'Left the company' });

    expect(codes(await login(staff.email, STRONG))).toEqual(['ACCOUNT_DISABLED']);
    expect((await sg.request<{ me: null }>(ME, {}, token)).data?.me).toBeNull();
    // The token is treated as absent everywhere in this subgraph, not only by `me`.
    expect(codes(await sg.request(ACCOUNTS, {}, token))).toEqual(['UNAUTHENTICATED']);

    const enabled = await sg.request<{ enableAccount: { status: string } }>(
      ENABLE,
      { input: { id: staff.id, reason: 'Rehired' } },
      as.officer(),
    );
    expect(enabled.data?.enableAccount.status).toBe('ACTIVE');
    const fresh = await tokenOf(staff.email, STRONG);
    expect((await sg.request<{ me: { id: string } }>(ME, {}, fresh)).data?.me.id).toBe(staff.id);
    // Tokens from before the account was disabled stay refused after it is enabled again.
    expect((await sg.request<{ me: null }>(ME, {}, token)).data?.me).toBeNull();
    expect(codes(await sg.request(ENABLE, { input: { id: staff.id, reason: 'Again' } }, as.officer()))).toEqual([
      'NOT_DISABLED',
    ]);
  });

  it('records the disabling in the audit trail and the outbox', async () => {
    const staff = await newStaff(safwa!.id);
    await sg.request(DISABLE, { input: { id: staff.id, reason: 'Audit me' } }, as.officer());
    const conn = sg.db.fork().getConnection();
    const audit = await conn.execute<{ reason: string; outcome: string }[]>(
      `select reason, outcome from audit_log where operation = 'disableAccount' and target_id = ?`,
      [staff.id],
    );
    expect(audit).toEqual([{ reason: 'Audit me', outcome: 'OK' }]);
    const events = await conn.execute<{ type: string }[]>(
      `select type from outbox_event where aggregate_id = ? order by seq`,
      [staff.id],
    );
    expect(events.map((e) => e.type)).toEqual(['AccountCreated', 'AccountDisabled']);
  });
});

describe('password change', () => {
  it('changes the password: the old one then fails, the new one works', async () => {
    const staff = await newStaff(rawda!.id);
    const token = await tokenOf(staff.email, STRONG);
    const NEW = 'Another-Long-Secret-7';
    const wrong = await sg.request(CHANGE, { input: { currentPassword: 'not-it-at-all', newPassword: NEW } }, token);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'WRONG_PASSWORD', field: 'input.currentPassword' });
    const weak = await sg.request(
      CHANGE,
      { input: { currentPassword: STRONG, newPassword: 'weakweakweakweak' } },
      token,
    );
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'WEAK_PASSWORD', field: 'input.newPassword' });
    const same = await sg.request(CHANGE, { input: { currentPassword: STRONG, newPassword: STRONG } }, token);
    expect(same.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newPassword' });

    const ok = await sg.request<{ changePassword: { id: string } }>(
      CHANGE,
      { input: { currentPassword: STRONG, newPassword: NEW } },
      token,
    );
    expect(ok.data?.changePassword.id).toBe(staff.id);
    expect(codes(await login(staff.email, STRONG, '192.0.2.50'))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await login(staff.email, NEW, '192.0.2.50'))).toEqual([]);
  });

  it('lets a supervisor change their own password (their credential, not industry data)', async () => {
    const token = await tokenOf('supervisor@ministry.demo', DEMO_PASSWORD);
    const r = await sg.request(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: STRONG } }, token);
    expect(r.errors).toBeUndefined();
    expect(codes(await login('supervisor@ministry.demo', STRONG, '192.0.2.51'))).toEqual([]);
  });

  it('asks a caller without an account to sign in', async () => {
    expect(codes(await sg.request(CHANGE, { input: { currentPassword: 'a', newPassword: STRONG } }, null))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});

describe('sign-in throttling', () => {
  it('blocks one account after 5 failures, whatever address they come from', async () => {
    const staff = await newStaff(safwa!.id);
    for (let i = 0; i < 5; i++) {
      expect(codes(await login(staff.email, 'wrong-password', `203.0.113.${10 + i}`))).toEqual(['INVALID_CREDENTIALS']);
    }
    const blocked = await login(staff.email, STRONG, '203.0.113.99');
    expect(codes(blocked)).toEqual(['TOO_MANY_ATTEMPTS']);
    const details = blocked.errors?.[0]?.extensions?.['details'] as { retryAfterSeconds: number } | undefined;
    expect(details?.retryAfterSeconds).toBeGreaterThan(0);
    // Other accounts are not affected.
    expect(codes(await login('officer@ministry.demo', DEMO_PASSWORD, '203.0.113.99'))).toEqual([]);
  });

  it('blocks one address after 20 failures across accounts, keyed by the first forwarded hop', async () => {
    for (let i = 0; i < 20; i++) {
      // Different emails (no single account reaches its own limit) and different later hops.
      const r = await login(`nobody-${i}@spray.demo`, 'guess-guess-guess', `198.51.100.7, 10.0.0.${i}`);
      expect(codes(r)).toEqual(['INVALID_CREDENTIALS']);
    }
    expect(codes(await login('manager@rawda.demo', DEMO_PASSWORD, '198.51.100.7'))).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(codes(await login('manager@rawda.demo', DEMO_PASSWORD, '198.51.100.8'))).toEqual([]);
  });

  it('through the gateway, keys by the address the gateway saw: a spoofed x-forwarded-for does not help', async () => {
    const graph = await bootGraph([companiesSubgraph], { demo: true });
    try {
      const viaGateway = (email: string, password: string, spoofed: string) =>
        fetch(graph.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofed },
          body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
        }).then((r) => r.json() as Promise<GraphQLResponse<unknown>>);
      for (let i = 0; i < 20; i++) {
        expect(codes(await viaGateway(`spray-${i}@spray.demo`, 'guess-guess-guess', `10.9.8.${i}`))).toEqual([
          'INVALID_CREDENTIALS',
        ]);
      }
      expect(codes(await viaGateway('manager@rawda.demo', DEMO_PASSWORD, '10.9.8.200'))).toEqual(['TOO_MANY_ATTEMPTS']);
    } finally {
      await graph.close();
    }
  });
});
