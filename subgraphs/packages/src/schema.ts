import { buildFederatedSchema, type FederatedSchema } from '@umrah/subgraph-kit';
import { CompanyPackagesResolver } from './company/company.resolver';
import { companyReferences } from './company/company.service';
import { ServiceProviderResolver } from './provider/provider.resolver';
import { providersByIds } from './provider/provider.service';
import { ServicePackageResolver } from './service-package/service-package.resolver';
import { packagesByIds } from './service-package/service-package.service';

export function buildPackagesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [ServicePackageResolver, ServiceProviderResolver, CompanyPackagesResolver],
    references: {
      Company: async (ids, ctx) => companyReferences(ctx.viewer, ids),
      ServicePackage: (ids, ctx) => packagesByIds(ctx.em, ctx.viewer, ids),
      ServiceProvider: (ids, ctx) => providersByIds(ctx.em, ctx.viewer, ids),
    },
  });
}
