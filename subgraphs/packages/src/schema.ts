import { buildFederatedSchema, type FederatedSchema } from '@umrah/subgraph-kit';
import { BookingResolver, PilgrimBookingResolver } from './booking/booking.resolver';
import { bookingsByIds, pilgrimReferences } from './booking/booking.service';
import { CompanyPackagesResolver } from './company/company.resolver';
import { companyReferences } from './company/company.service';
import { ComplaintResolver } from './complaint/complaint.resolver';
import {
  CompanyComplianceResolver,
  ComplianceResolver,
  ProviderComplianceResolver,
} from './compliance/compliance.resolver';
import { ComplianceStatisticsResolver, ComplianceTrendResolver } from './compliance/compliance.statistics.resolver';
import { InspectionResolver } from './inspection/inspection.resolver';
import {
  InventoryReservationResolver,
  InventoryResolver,
  ProviderInventoryResolver,
} from './inventory/inventory.resolver';
import { ServiceProviderResolver } from './provider/provider.resolver';
import { providersByIds } from './provider/provider.service';
import { PackageComponentResolver, ServicePackageResolver } from './service-package/service-package.resolver';
import { packagesByIds } from './service-package/service-package.service';
import { ViolationResolver } from './violation/violation.resolver';

export function buildPackagesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      ServicePackageResolver,
      ServiceProviderResolver,
      CompanyPackagesResolver,
      BookingResolver,
      PilgrimBookingResolver,
      InventoryResolver,
      InventoryReservationResolver,
      ProviderInventoryResolver,
      PackageComponentResolver,
      ComplaintResolver,
      InspectionResolver,
      ViolationResolver,
      ComplianceResolver,
      CompanyComplianceResolver,
      ProviderComplianceResolver,
      ComplianceStatisticsResolver,
      ComplianceTrendResolver,
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
