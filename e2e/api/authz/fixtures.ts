import type { Viewer } from '@umrah/subgraph-kit';
import { as, type TestGraph } from '@umrah/test-kit';
import { agentA, CLIENT_SCOPES, companyA, companyB, providerA, providerB, type CallerAccounts } from './callers';

/** An id no row has: what "missing" looks like, to compare a hidden object against. */
export const MISSING = '0190f5a2-0000-7000-8000-00000000dead';

/** One company's objects in the demo graph, found (or made) before the matrix runs. */
export interface TenantObjects {
  companyId: string;
  pilgrimId: string;
  visaId: string;
  groupId: string;
  bookingId: string;
  /** The pilgrim of that booking (Pilgrim.booking in packages shows it). */
  bookedPilgrimId: string;
  packageId: string;
  complaintId: string;
  violationId: string;
  inspectionId: string;
  redemptionId: string;
  contractId: string;
  loyaltyAccountId: string;
  webhookId: string;
}

export interface Fixtures {
  /** The agent's person account and the three API clients the callers sign in as. */
  accounts: CallerAccounts;
  a: TenantObjects;
  b: TenantObjects;
  agentId: string;
  providerId: string;
  otherProviderId: string;
  /** An inventory item of the other provider (not the one the matrix signs in as). */
  otherItemId: string;
  rewardId: string;
  /** Company B's API client (the row). */
  otherApiClientId: string;
  /** A live API client's credentials, so `clientCredentialsToken` can succeed for whoever calls it. */
  clientId: string;
  clientSecret: string;
}

type Edges<T> = { edges: { node: T }[] };
const first = <T>(connection: Edges<T> | undefined, what: string): T => {
  const node = connection?.edges[0]?.node;
  if (!node) throw new Error(`authz fixtures: the demo graph has no ${what}`);
  return node;
};

async function read<T>(graph: TestGraph, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await graph.request<T>(query, variables, as.supervisor());
  if (r.errors || !r.data) throw new Error(`authz fixtures: ${JSON.stringify(r.errors)}`);
  return r.data;
}

async function write<T>(
  graph: TestGraph,
  query: string,
  variables: Record<string, unknown>,
  caller: Viewer,
): Promise<T> {
  const r = await graph.request<T>(query, variables, caller);
  if (r.errors || !r.data) throw new Error(`authz fixtures: ${JSON.stringify(r.errors)}`);
  return r.data;
}

const OFFICER_MAKES = {
  recordViolation: {
    type: 'RecordViolationInput',
    input: { type: 'OTHER', fineHalalas: 0, details: 'Recorded for the authorization matrix.' },
  },
  recordInspection: {
    type: 'RecordInspectionInput',
    input: {
      city: 'Makkah',
      site: 'Authz site',
      visitedOn: '2026-07-01',
      findings: 'Recorded for the authorization matrix.',
      violations: [],
    },
  },
};

/** An object the demo cast lacks for a company, recorded by a ministry officer. */
async function officerMakes(
  graph: TestGraph,
  mutation: keyof typeof OFFICER_MAKES,
  party: { companyId: string } | { providerId: string },
): Promise<string> {
  const { type, input } = OFFICER_MAKES[mutation];
  const made = await write<Record<string, { id: string }>>(
    graph,
    `mutation($i: ${type}!) { ${mutation}(input: $i) { id } }`,
    { i: { ...input, ...party } },
    as.officer(),
  );
  return made[mutation]!.id;
}

async function tenant(graph: TestGraph, companyId: string): Promise<TenantObjects> {
  const manager = as.manager(companyId);
  const ids = { c: companyId };
  const people = await read<{
    visas: Edges<{ id: string; pilgrim: { id: string } }>;
    packages: Edges<{ id: string }>;
    contracts: Edges<{ id: string }>;
    redemptions: Edges<{ id: string }>;
  }>(
    graph,
    `query($c: ID!) {
      visas: visaApplications(filter: { companyId: $c }, first: 1) { edges { node { id pilgrim { id } } } }
      packages: servicePackages(filter: { companyId: $c }, first: 1) { edges { node { id } } }
      contracts: agencyContracts(filter: { companyId: $c }, first: 1) { edges { node { id } } }
      redemptions: loyaltyRedemptions(filter: { companyId: $c }, first: 1) { edges { node { id } } }
    }`,
    ids,
  );
  const oversight = await read<{
    complaints: Edges<{ id: string }>;
    violations: Edges<{ id: string }>;
    inspections: Edges<{ id: string }>;
  }>(
    graph,
    `query($c: ID!) {
      complaints(filter: { companyId: $c }, first: 1) { edges { node { id } } }
      violations(filter: { companyId: $c }, first: 1) { edges { node { id } } }
      inspections(filter: { companyId: $c }, first: 1) { edges { node { id } } }
    }`,
    ids,
  );
  const scattered = await read<{
    bookings: Edges<{ id: string; company: { id: string }; pilgrim: { id: string } | null }>;
    groups: Edges<{ id: string; company: { id: string } }>;
    accounts: Edges<{ id: string; company: { id: string } }>;
  }>(
    graph,
    `{
      bookings(first: 100) { edges { node { id company { id } pilgrim { id } } } }
      groups: pilgrimGroups(first: 100) { edges { node { id company { id } } } }
      accounts: loyaltyAccounts(first: 100) { edges { node { id company { id } } } }
    }`,
  );
  const own = <T extends { company: { id: string } }>(c: Edges<T>): Edges<T> => ({
    edges: c.edges.filter((e) => e.node.company.id === companyId),
  });
  const visa = first(people.visas, `visa application of ${companyId}`);
  const booking = first(
    { edges: own(scattered.bookings).edges.filter((e) => e.node.pilgrim) },
    `booking of a pilgrim of ${companyId}`,
  );

  // Made here when the demo cast has none, so every kind of object has one row per tenant.
  let groupId = own(scattered.groups).edges[0]?.node.id;
  if (!groupId) {
    const made = await write<{ createPilgrimGroup: { id: string } }>(
      graph,
      `mutation($i: CreatePilgrimGroupInput!) { createPilgrimGroup(input: $i) { id } }`,
      { i: { name: 'Authz matrix group' } },
      manager,
    );
    groupId = made.createPilgrimGroup.id;
  }
  let complaintId = oversight.complaints.edges[0]?.node.id;
  if (!complaintId) {
    const made = await write<{ fileComplaint: { id: string } }>(
      graph,
      `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`,
      { i: { category: 'ACCOMMODATION', description: 'Room was not as sold.', city: 'Makkah' } },
      manager,
    );
    complaintId = made.fileComplaint.id;
  }
  const webhook = await write<{ createWebhookSubscription: { subscription: { id: string } } }>(
    graph,
    `mutation($i: CreateWebhookSubscriptionInput!) {
      createWebhookSubscription(input: $i) { subscription { id } }
    }`,
    { i: { url: 'https://hooks.example.com/umrah', eventTypes: ['VISA_STATUS_CHANGED'] } },
    manager,
  );
  return {
    companyId,
    pilgrimId: visa.pilgrim.id,
    visaId: visa.id,
    groupId,
    bookingId: booking.id,
    bookedPilgrimId: booking.pilgrim!.id,
    packageId: first(people.packages, `package of ${companyId}`).id,
    complaintId,
    violationId:
      oversight.violations.edges[0]?.node.id ?? (await officerMakes(graph, 'recordViolation', { companyId })),
    inspectionId:
      oversight.inspections.edges[0]?.node.id ?? (await officerMakes(graph, 'recordInspection', { companyId })),
    redemptionId: first(people.redemptions, `loyalty redemption of ${companyId}`).id,
    contractId: first(people.contracts, `agency contract of ${companyId}`).id,
    loyaltyAccountId: first(own(scattered.accounts), `loyalty account of ${companyId}`).id,
    webhookId: webhook.createWebhookSubscription.subscription.id,
  };
}

/** Finds one object of every kind for company A and company B in the demo graph. */
export async function loadFixtures(graph: TestGraph): Promise<Fixtures> {
  const [a, b] = [await tenant(graph, companyA.id), await tenant(graph, companyB.id)];
  const shared = await read<{ items: Edges<{ id: string }>; rewards: Edges<{ id: string }> }>(
    graph,
    `query($p: ID!) {
      items: inventoryItems(filter: { providerId: $p }, first: 1) { edges { node { id } } }
      rewards: loyaltyRewards(first: 1) { edges { node { id } } }
    }`,
    { p: providerB.id },
  );
  const clientOf = async (viewer: Viewer, scopes: readonly string[]) =>
    (
      await write<{ createApiClient: { client: { id: string; clientId: string }; clientSecret: string } }>(
        graph,
        `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { client { id clientId } clientSecret } }`,
        { i: { name: `Authz matrix ${scopes.join('+')}`, scopes } },
        viewer,
      )
    ).createApiClient;
  const managerClient = await clientOf(as.manager(companyA.id), CLIENT_SCOPES.managerClient);
  const otherClient = await clientOf(as.manager(companyB.id), ['READ']);
  const agentClient = await clientOf(as.agent(agentA.id), CLIENT_SCOPES.agentClient);
  const providerClient = await clientOf(as.provider(providerA.id), CLIENT_SCOPES.providerClient);
  const agentAccount = await write<{ createAccount: { id: string } }>(
    graph,
    `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`,
    {
      i: {
        email: 'agent-authz@example.com',
        displayName: 'Authz matrix agent',
        role: 'AGENT',
        agentId: agentA.id,
        initialPassword: 'Authz-Matrix-Password-1',
      },
    },
    as.officer(),
  );
  // The agent's and the provider's own rows, so their lists are not empty for want of data.
  const agent = as.agent(agentA.id);
  await write(
    graph,
    `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`,
    { i: { companyId: companyA.id, category: 'TRANSPORT', description: 'The coach never came.', city: 'Jeddah' } },
    agent,
  );
  await write(
    graph,
    `mutation($i: CreatePilgrimGroupInput!) { createPilgrimGroup(input: $i) { id } }`,
    { i: { companyId: companyA.id, name: 'Authz matrix agent group' } },
    agent,
  );
  await write(
    graph,
    `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`,
    { i: { url: 'https://hooks.example.com/agent', eventTypes: ['VISA_STATUS_CHANGED'] } },
    agent,
  );
  await officerMakes(graph, 'recordViolation', { providerId: providerA.id });
  await officerMakes(graph, 'recordInspection', { providerId: providerA.id });
  // The audit trail and loyalty hear of all this through events.
  await graph.drainEvents();
  return {
    a,
    b,
    agentId: agentA.id,
    providerId: providerA.id,
    otherProviderId: providerB.id,
    otherItemId: first(shared.items, 'inventory item').id,
    rewardId: first(shared.rewards, 'loyalty reward').id,
    accounts: {
      agent: agentAccount.createAccount.id,
      managerClient: managerClient.client.id,
      agentClient: agentClient.client.id,
      providerClient: providerClient.client.id,
    },
    otherApiClientId: otherClient.client.id,
    clientId: managerClient.client.clientId,
    clientSecret: managerClient.clientSecret,
  };
}
