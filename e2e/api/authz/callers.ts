import { demoAccounts, demoAgents, demoCompanies, demoProviders, type DemoAccount } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as } from '@umrah/test-kit';

/** Company A, whose manager (and whose agent) the matrix signs in as; company B is the other tenant. */
export const companyA = demoCompanies[0]!; // Al-Safwa
export const companyB = demoCompanies[1]!; // Al-Rawda
/** Holds contracts with Al-Safwa and Noor, not with Al-Rawda. */
export const agentA = demoAgents.find(
  (a) => a.companyIds.includes(companyA.id) && !a.companyIds.includes(companyB.id),
)!;
export const providerA = demoProviders[0]!;
export const providerB = demoProviders[1]!;

export type CallerName =
  | 'anonymous'
  | 'supervisor'
  | 'officer'
  | 'manager'
  | 'agent'
  | 'provider'
  | 'managerClient'
  | 'agentClient'
  | 'providerClient';

/** Accounts the demo cast lacks, made by the fixtures: the agent's person, and one API client per party. */
export interface CallerAccounts {
  agent: string;
  managerClient: string;
  agentClient: string;
  providerClient: string;
}

/** Scopes of the three API clients: read-only, read-write and write-only, so every scope rule is exercised. */
export const CLIENT_SCOPES = {
  managerClient: ['READ', 'WRITE'],
  agentClient: ['READ'],
  providerClient: ['WRITE'],
} as const;

const demoAccount = (role: DemoAccount['role'], party: Partial<DemoAccount> = {}): string =>
  demoAccounts.find(
    (a) =>
      a.role === role &&
      (!party.companyId || a.companyId === party.companyId) &&
      (!party.providerId || a.providerId === party.providerId),
  )!.id;

const withAccount = (viewer: Viewer, accountId: string, scopes: readonly string[] = []): Viewer => ({
  ...viewer,
  accountId,
  scopes: [...scopes],
});

/**
 * Everyone the matrix runs each operation as, each with a real account (so `me` and own-credential
 * mutations see a real caller). A token with `scopes` is a third-party API client of its party:
 * READ opens queries, WRITE mutations, and neither ever more than the party's role.
 */
export function callers(accounts: CallerAccounts): Record<CallerName, Viewer | null> {
  return {
    anonymous: null,
    supervisor: withAccount(as.supervisor(), demoAccount('MINISTRY_SUPERVISOR')),
    officer: withAccount(as.officer(), demoAccount('MINISTRY_OFFICER')),
    manager: withAccount(as.manager(companyA.id), demoAccount('COMPANY_MANAGER', { companyId: companyA.id })),
    agent: withAccount(as.agent(agentA.id), accounts.agent),
    provider: withAccount(as.provider(providerA.id), demoAccount('PROVIDER', { providerId: providerA.id })),
    managerClient: withAccount(as.manager(companyA.id), accounts.managerClient, CLIENT_SCOPES.managerClient),
    agentClient: withAccount(as.agent(agentA.id), accounts.agentClient, CLIENT_SCOPES.agentClient),
    providerClient: withAccount(as.provider(providerA.id), accounts.providerClient, CLIENT_SCOPES.providerClient),
  };
}

export const CALLER_NAMES: CallerName[] = [
  'anonymous',
  'supervisor',
  'officer',
  'manager',
  'agent',
  'provider',
  'managerClient',
  'agentClient',
  'providerClient',
];
