import type { SubgraphContext } from '@umrah/subgraph-kit';
import { agentsByIds } from '../agent/agent.service';
import type { ExternalAgent } from '../agent/agent.type';
import { companiesByIds } from '../company/company.service';
import type { Company } from '../company/company.type';
import { ServiceProviderRef } from '../provider/provider.type';

/** The owning party of an account or API client, resolved through the request's batched loaders. */
export interface PartyIds {
  companyId: string | null;
  agentId: string | null;
  providerId: string | null;
}

export function companyOf(party: PartyIds, ctx: SubgraphContext): Promise<Company | null> | null {
  if (!party.companyId) return null;
  return ctx.loaders
    .get<string, Company | null>('company', (ids) => companiesByIds(ctx.em, ctx.viewer, ids))
    .load(party.companyId);
}

export function agentOf(party: PartyIds, ctx: SubgraphContext): Promise<ExternalAgent | null> | null {
  if (!party.agentId) return null;
  return ctx.loaders
    .get<string, ExternalAgent | null>('agent', (ids) => agentsByIds(ctx.em, ctx.viewer, ids))
    .load(party.agentId);
}

export function providerOf(party: PartyIds): ServiceProviderRef | null {
  return party.providerId ? Object.assign(new ServiceProviderRef(), { id: party.providerId }) : null;
}
