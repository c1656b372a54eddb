import { buildFederatedSchema, type FederatedSchema } from '@umrah/subgraph-kit';
import { AccountResolver } from './account/account.resolver';
import { agentsByIds } from './agent/agent.service';
import { ExternalAgent } from './agent/agent.type';
import { CompanyResolver } from './company/company.resolver';
import { companiesByIds } from './company/company.service';
import { PolicyResolver } from './policy/policy.resolver';
import { ServiceProviderRef } from './provider/provider.type';

export function buildCompaniesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [CompanyResolver, AccountResolver, PolicyResolver],
    orphanedTypes: [ExternalAgent, ServiceProviderRef],
    references: {
      Company: (ids, ctx) => companiesByIds(ctx.em, ctx.viewer, ids),
      ExternalAgent: (ids, ctx) => agentsByIds(ctx.em, ctx.viewer, ids),
    },
  });
}
