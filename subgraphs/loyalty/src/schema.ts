import { buildFederatedSchema, type FederatedSchema } from '@umrah/subgraph-kit';
import { CompanyLoyaltyResolver } from './company/company.resolver';
import { companyReferences } from './company/company.service';
import { LoyaltyAccountResolver } from './loyalty-account/loyalty-account.resolver';
import { accountsByIds } from './loyalty-account/loyalty-account.service';

export function buildLoyaltySchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [LoyaltyAccountResolver, CompanyLoyaltyResolver],
    references: {
      Company: async (ids, ctx) => companyReferences(ctx.viewer, ids),
      LoyaltyAccount: (ids, ctx) => accountsByIds(ctx.em, ctx.viewer, ids),
    },
  });
}
