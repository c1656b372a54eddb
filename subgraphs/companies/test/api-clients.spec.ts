import { demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companiesSubgraph } from '../src/index';

let sg: TestSubgraph;
const [safwa, rawda] = demoCompanies;

beforeAll(async () => {
  sg = await bootSubgraph(companiesSubgraph, { demo: true });
});
afterAll(() => sg.close());

const FIELDS = 'id clientId name scopes status createdAt lastUsedAt rotatedAt revokedAt';
const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret client { ${FIELDS} } } }`;
const ROTATE = `mutation($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret client { ${FIELDS} } } }`;
const REVOKE = `mutation($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { ${FIELDS} } }`;
const EXCHANGE = `mutation($input: ClientCredentialsInput!) { clientCredentialsToken(input: $input) { accessToken expiresAt scopes } }`;
const LIST = `{ apiClients(first: 100) { totalCount edges { node { ${FIELDS} company { id } agent { id } provider { id } } } } }`;
const ME = `{ me { id kind email displayName role scopes company { id } agent { id } provider { id } } }`;

interface Client {
  id: string;
  clientId: string;
  name: string;
  scopes: string[];
  status: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
interface Created {
  client: Client;
  clientSecret: string;
}

async function createClient(owner: Viewer, name = 'Booking system', scopes = ['READ', 'WRITE']): Promise<Created> {
  const r = await sg.request<{ createApiClient: Created }>(CREATE, { input: { name, scopes } }, owner);
  if (!r.data?.createApiClient) throw new Error(JSON.stringify(r.errors));
  return r.data.createApiClient;
}

function exchange(clientId: string, clientSecret: string) {
  return sg.request<{ clientCredentialsToken: { accessToken: string; expiresAt: string; scopes: string[] } }>(
    EXCHANGE,
    { input: { clientId, clientSecret } },
  );
}

async function tokenOf(created: Created): Promise<string> {
  const r = await exchange(created.client.clientId, created.clientSecret);
  if (!r.data?.clientCredentialsToken) throw new Error(JSON.stringify(r.errors));
  return r.data.clientCredentialsToken.accessToken;
}

async function listed(caller: Viewer | string): Promise<Client[]> {
  const r = await sg.request<{ apiClients: { edges: { node: Client }[] } }>(LIST, {}, caller);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.apiClients.edges.map((e) => e.node);
}

async function clientsSnapshot(): Promise<string> {
  const rows = await sg.db
    .fork()
    .getConnection()
    .execute<{ s: string | null }[]>(
      `select string_agg(id || ':' || secret_hash || ':' || coalesce(revoked_at::text, '-'), ',' order by id) as s from api_client`,
    );
  return rows[0]!.s ?? '';
}

describe('API client lifecycle', () => {
  const manager = as.manager(safwa!.id);

  it('shows the secret once; only its hash is stored and no field can return it', async () => {
    const created = await createClient(manager, 'Safwa ERP');
    expect(created.clientSecret).toMatch(/^ugs_[A-Za-z0-9_-]{43}$/);
    expect(created.client).toMatchObject({ name: 'Safwa ERP', scopes: ['READ', 'WRITE'], status: 'ACTIVE' });
    expect(created.client.clientId).toMatch(/^ugc_/);
    expect(created.client.lastUsedAt).toBeNull();

    const list = await sg.request(LIST, {}, manager);
    expect(JSON.stringify(list)).not.toContain(created.clientSecret);
    const type = await sg.request<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "ApiClient") { fields { name } } }`,
      {},
      manager,
    );
    expect(type.data!.__type.fields.map((f) => f.name).filter((n) => /secret|hash/i.test(n))).toEqual([]);
    const [row] = await sg.db
      .fork()
      .getConnection()
      .execute<{ secret_hash: string }[]>(`select secret_hash from api_client where id = ?`, [created.client.id]);
    expect(row!.secret_hash).toMatch(/^scrypt\$/);
    expect(row!.secret_hash).not.toContain(created.clientSecret);
  });

  it('exchanges the secret for a short-lived token carrying the company’s slice and the scopes', async () => {
    const created = await createClient(manager, 'Safwa portal', ['READ']);
    const r = await exchange(created.client.clientId, created.clientSecret);
    expect(r.errors).toBeUndefined();
    const { accessToken, expiresAt, scopes } = r.data!.clientCredentialsToken;
    expect(scopes).toEqual(['READ']);
    const lifetime = (Date.parse(expiresAt) - Date.now()) / 1000;
    expect(lifetime).toBeGreaterThan(800);
    expect(lifetime).toBeLessThanOrEqual(900);

    const me = await sg.request<{ me: Record<string, unknown> }>(ME, {}, accessToken);
    expect(me.data?.me).toEqual({
      id: created.client.id,
      kind: 'API_CLIENT',
      email: created.client.clientId,
      displayName: 'Safwa portal',
      role: 'COMPANY_MANAGER',
      scopes: ['READ'],
      company: { id: safwa!.id },
      agent: null,
      provider: null,
    });

    // Exactly what a person managing the same company sees.
    const COMPANIES = `{ companies(first: 100) { totalCount edges { node { id } } } }`;
    const asClient = await sg.request<{ companies: { edges: { node: { id: string } }[] } }>(COMPANIES, {}, accessToken);
    expect(asClient.data?.companies.edges.map((e) => e.node.id)).toEqual([safwa!.id]);
    expect(asClient).toEqual(await sg.request(COMPANIES, {}, manager));
    const OTHER = `query($id: ID!) { company(id: $id) { id nameEn } }`;
    expect(await sg.request(OTHER, { id: rawda!.id }, accessToken)).toEqual(
      await sg.request(OTHER, { id: rawda!.id }, manager),
    );
    // Ministry-only and person-only operations stay closed to it.
    expect(codes(await sg.request(`{ licensingPolicyHistory { season } }`, {}, accessToken))).toEqual(['FORBIDDEN']);
    const addStaff = await sg.request(
      `mutation($input: AddStaffInput!) { addStaff(input: $input) { id } }`,
      { input: { email: 'robot@safwa.demo', displayName: 'Robot', initialPassword: 'Robot-Password-1' } },
      accessToken,
    );
    expect(codes(addStaff)).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(CREATE, { input: { name: 'Child', scopes: ['READ'] } }, accessToken))).toEqual([
      'FORBIDDEN',
    ]);

    const after = (await listed(manager)).find((c) => c.id === created.client.id)!;
    expect(after.lastUsedAt).not.toBeNull();
  });

  it('rotates: the old secret and tokens issued before stop working, the new secret works', async () => {
    const created = await createClient(manager, 'Rotating');
    const oldToken = await tokenOf(created);
    const rotated = await sg.request<{ rotateApiClientSecret: Created }>(ROTATE, { id: created.client.id }, manager);
    expect(rotated.errors).toBeUndefined();
    const fresh = rotated.data!.rotateApiClientSecret;
    expect(fresh.clientSecret).not.toBe(created.clientSecret);
    expect(fresh.client.clientId).toBe(created.client.clientId);

    const old = await exchange(created.client.clientId, created.clientSecret);
    expect(codes(old)).toEqual(['INVALID_CLIENT']);
    expect((await sg.request<{ me: null }>(ME, {}, oldToken)).data?.me).toBeNull();
    const newToken = await tokenOf({ client: created.client, clientSecret: fresh.clientSecret });
    expect((await sg.request<{ me: { id: string } }>(ME, {}, newToken)).data?.me.id).toBe(created.client.id);
  });

  it('revokes: the secret and earlier tokens are refused, with the same answer as an unknown client', async () => {
    const created = await createClient(manager, 'Revoked');
    const token = await tokenOf(created);
    const revoked = await sg.request<{ revokeApiClient: Client }>(
      REVOKE,
      { input: { id: created.client.id, reason: 'Contract with the vendor ended' } },
      manager,
    );
    expect(revoked.data?.revokeApiClient).toMatchObject({ status: 'REVOKED' });
    expect(revoked.data?.revokeApiClient.revokedAt).not.toBeNull();

    const used = await exchange(created.client.clientId, created.clientSecret);
    const unknown = await exchange('ugc_nobody_has_this_id_000', created.clientSecret);
    const wrong = await exchange((await createClient(manager)).client.clientId, created.clientSecret);
    expect(codes(used)).toEqual(['INVALID_CLIENT']);
    expect(used.errors).toEqual(unknown.errors);
    expect(used.errors).toEqual(wrong.errors);
    expect((await sg.request<{ me: null }>(ME, {}, token)).data?.me).toBeNull();
    expect(codes(await sg.request(LIST, {}, token))).toEqual(['UNAUTHENTICATED']);

    expect(codes(await sg.request(REVOKE, { input: { id: created.client.id, reason: 'Again' } }, manager))).toEqual([
      'ALREADY_REVOKED',
    ]);
    expect(codes(await sg.request(ROTATE, { id: created.client.id }, manager))).toEqual(['ALREADY_REVOKED']);
  });

  it('throttles failed exchanges per client id', async () => {
    const created = await createClient(manager, 'Throttled');
    for (let i = 0; i < 10; i++) {
      expect(codes(await exchange(created.client.clientId, `ugs_wrong_${i}`))).toEqual(['INVALID_CLIENT']);
    }
    expect(codes(await exchange(created.client.clientId, created.clientSecret))).toEqual(['TOO_MANY_ATTEMPTS']);
    // Another client of the same party is not affected.
    const other = await createClient(manager, 'Unaffected');
    expect(codes(await exchange(other.client.clientId, other.clientSecret))).toEqual([]);
  });

  it('records exchanges in the audit trail without the secret', async () => {
    const created = await createClient(manager, 'Audited');
    await tokenOf(created);
    const rows = await sg.db
      .fork()
      .getConnection()
      .execute<{ operation: string; target_id: string | null; arguments: unknown }[]>(
        `select operation, target_id, arguments from audit_log where operation in ('createApiClient', 'clientCredentialsToken') order by at`,
      );
    expect(JSON.stringify(rows)).not.toContain(created.clientSecret);
    expect(rows.some((r) => r.operation === 'createApiClient' && r.target_id === created.client.id)).toBe(true);
  });
});

describe('API clients belong to one party', () => {
  it('gives agent and provider clients their own party’s role and slice', async () => {
    const agent = await createClient(as.agent(demoAgents[0]!.id), 'Agent uploader', ['WRITE']);
    const provider = await createClient(as.provider(demoProviders[0]!.id), 'Hotel PMS', ['READ']);
    const agentMe = await sg.request<{ me: { role: string; agent: { id: string } } }>(ME, {}, await tokenOf(agent));
    expect(agentMe.data?.me).toMatchObject({ role: 'AGENT', agent: { id: demoAgents[0]!.id }, company: null });
    const providerMe = await sg.request<{ me: { role: string; provider: { id: string } } }>(
      ME,
      {},
      await tokenOf(provider),
    );
    expect(providerMe.data?.me).toMatchObject({ role: 'PROVIDER', provider: { id: demoProviders[0]!.id } });
    expect(codes(await sg.request(`{ companies { totalCount } }`, {}, await tokenOf(agent)))).toEqual(['FORBIDDEN']);
  });

  it('hides a client from other parties: listing, rotating and revoking it look like a missing one', async () => {
    const created = await createClient(as.manager(safwa!.id), 'Private');
    const others: Viewer[] = [as.manager(rawda!.id), as.agent(demoAgents[0]!.id), as.provider(demoProviders[0]!.id)];
    const missing = '01900000-0000-7000-8000-000000000404';
    const before = await clientsSnapshot();
    for (const other of others) {
      expect((await listed(other)).map((c) => c.id)).not.toContain(created.client.id);
      const rotate = await sg.request(ROTATE, { id: created.client.id }, other);
      expect(codes(rotate)).toEqual(['NOT_FOUND']);
      expect(rotate.errors).toEqual((await sg.request(ROTATE, { id: missing }, other)).errors);
      const revoke = await sg.request(REVOKE, { input: { id: created.client.id, reason: 'Not mine' } }, other);
      expect(revoke.errors).toEqual(
        (await sg.request(REVOKE, { input: { id: missing, reason: 'Not mine' } }, other)).errors,
      );
    }
    expect(await clientsSnapshot()).toBe(before);
    expect(codes(await exchange(created.client.clientId, created.clientSecret))).toEqual([]);
  });

  it('lets the ministry read every client; an officer may revoke one, a supervisor changes nothing', async () => {
    const safwaClient = await createClient(as.manager(safwa!.id), 'Ministry view A');
    const agentClient = await createClient(as.agent(demoAgents[1]!.id), 'Ministry view B');
    const all = (await listed(as.supervisor())).map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([safwaClient.client.id, agentClient.client.id]));

    const supervisor = as.supervisor();
    const before = await clientsSnapshot();
    expect(codes(await sg.request(CREATE, { input: { name: 'Nope', scopes: ['READ'] } }, supervisor))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await sg.request(ROTATE, { id: safwaClient.client.id }, supervisor))).toEqual(['FORBIDDEN']);
    expect(
      codes(await sg.request(REVOKE, { input: { id: safwaClient.client.id, reason: 'Nope' } }, supervisor)),
    ).toEqual(['FORBIDDEN']);
    expect(await clientsSnapshot()).toBe(before);

    // Officers take decisions on clients (abuse), but cannot hold one: they act for no party.
    expect(codes(await sg.request(CREATE, { input: { name: 'Nope', scopes: ['READ'] } }, as.officer()))).toEqual([
      'FORBIDDEN',
    ]);
    const revoked = await sg.request<{ revokeApiClient: Client }>(
      REVOKE,
      { input: { id: agentClient.client.id, reason: 'Abuse reported' } },
      as.officer(),
    );
    expect(revoked.data?.revokeApiClient.status).toBe('REVOKED');
  });

  it('asks anonymous callers to sign in and checks the input', async () => {
    expect(codes(await sg.request(LIST, {}, null))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await sg.request(CREATE, { input: { name: 'x', scopes: ['READ'] } }, null))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const empty = await sg.request(CREATE, { input: { name: 'No scopes', scopes: [] } }, as.manager(safwa!.id));
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });
    const short = await sg.request(CREATE, { input: { name: 'x', scopes: ['READ'] } }, as.manager(safwa!.id));
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });
});

describe('a client token is bounded by its scopes', () => {
  const POLICY_READ = `{ licensingPolicy { season } }`;
  const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { id } }`;

  it('lets a READ client query but refuses it every mutation; a WRITE-only client may not read', async () => {
    const reader = await tokenOf(await createClient(as.manager(safwa!.id), 'Read-only reporting', ['READ']));
    expect(
      (await sg.request<{ licensingPolicy: { season: string } }>(POLICY_READ, {}, reader)).data?.licensingPolicy,
    ).toBeTruthy();
    const write = await sg.request(CHANGE, { input: { currentPassword: 'x', newPassword: 'y' } }, reader);
    expect(codes(write)).toEqual(['FORBIDDEN']);

    const writer = await tokenOf(await createClient(as.manager(safwa!.id), 'Write-only uploader', ['WRITE']));
    expect(codes(await sg.request(POLICY_READ, {}, writer))).toEqual(['FORBIDDEN']);
  });
});
