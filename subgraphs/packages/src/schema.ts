import { buildFederatedSchema, type FederatedSchema } from '@umrah/subgraph-kit';
import { BookingResolver, PilgrimBookingResolver } from './booking/booking.resolver';
import { bookingsByIds, pilgrimReferences } from './booking/booking.service';
import { CompanyPackagesResolver } from './company/company.resolver';
import { companyReferences } from './company/company.service';
import { ServiceProviderResolver } from './provider/provider.resolver';
import { providersByIds } from './provider/provider.service';
import { ServicePackageResolver } from './service-package/service-package.resolver';
import { packagesByIds } from './service-package/service-package.service';

export function buildPackagesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      ServicePackageResolver,
      ServiceProviderResolver,
      CompanyPackagesResolver,
      BookingResolver,
      PilgrimBookingResolver,
    ],
    references: {
      Booking: (ids, ctx) => bookingsByIds(ctx.em, ctx.viewer, ids),
      Company: async (ids, ctx) => companyReferences(ctx.viewer, ids),
      Pilgrim: async (ids, ctx) => pilgrimReferences(ctx.viewer, ids),
      ServicePackage: (ids, ctx) => packagesByIds(ctx.em, ctx.viewer, ids),
      ServiceProvider: (ids, ctx) => providersByIds(ctx.em, ctx.viewer, ids),
    },
  });
}
