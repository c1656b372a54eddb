import { buildFederatedSchema, type FederatedSchema } from '@umrah/subgraph-kit';
import { AccountResolver, AccountsResolver } from './account/account.resolver';
import { ApiClientResolver } from './api-client/api-client.resolver';
import { AgentResolver } from './agent/agent.resolver';
import { agentsByIds } from './agent/agent.service';
import { ExternalAgent } from './agent/agent.type';
import { AuditResolver } from './audit/audit.resolver';
import { CompanyResolver } from './company/company.resolver';
import { companiesByIds } from './company/company.service';
import { AgentContractsResolver, CompanyContractsResolver } from './contract/contract-parties.resolver';
import { ContractResolver } from './contract/contract.resolver';
import { LicenseResolver, LicenseStatusChangeResolver } from './license/license.resolver';
import { PolicyResolver } from './policy/policy.resolver';
import { ServiceProviderRef } from './provider/provider.type';

export function buildCompaniesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      CompanyResolver,
      AccountResolver,
      AccountsResolver,
      ApiClientResolver,
      PolicyResolver,
      LicenseResolver,
      LicenseStatusChangeResolver,
      AuditResolver,
      AgentResolver,
      ContractResolver,
      CompanyContractsResolver,
      AgentContractsResolver,
    ],
    orphanedTypes: [ExternalAgent, ServiceProviderRef],
    references: {
      Company: (ids, ctx) => companiesByIds(ctx.em, ctx.viewer, ids),
      ExternalAgent: (ids, ctx) => agentsByIds(ctx.em, ctx.viewer, ids),
    },
  });
}
