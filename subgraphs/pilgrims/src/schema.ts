import { buildFederatedSchema, type FederatedSchema } from '@umrah/subgraph-kit';
import { BulkRegistrationResolver } from './bulk/bulk.resolver';
import { CompanyPilgrimsResolver } from './company/company.resolver';
import { companyReferences } from './company/company.service';
import { PilgrimGroupOfPilgrimResolver, PilgrimGroupResolver } from './group/group.resolver';
import { PilgrimResolver } from './pilgrim/pilgrim.resolver';
import { RegistrationResolver } from './registration/registration.resolver';
import { pilgrimsByIds } from './pilgrim/pilgrim.service';
import { CompanyVisaQuotaResolver, SeasonResolver } from './season/season.resolver';
import { VisaApplicationResolver, VisaStatsResolver } from './visa/visa.resolver';
import { visasByIds } from './visa/visa.service';
import { VisaStatisticsResolver } from './statistics/statistics.resolver';
import { WebhookDeliveryResolver, WebhookSubscriptionResolver } from './webhook/webhook.resolver';

export function buildPilgrimsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      PilgrimResolver,
      VisaApplicationResolver,
      VisaStatsResolver,
      CompanyPilgrimsResolver,
      SeasonResolver,
      CompanyVisaQuotaResolver,
      PilgrimGroupResolver,
      PilgrimGroupOfPilgrimResolver,
      RegistrationResolver,
      BulkRegistrationResolver,
      VisaStatisticsResolver,
      WebhookSubscriptionResolver,
      WebhookDeliveryResolver,
    ],
    references: {
      Company: async (ids, ctx) => companyReferences(ctx.viewer, ids),
      Pilgrim: (ids, ctx) => pilgrimsByIds(ctx.em, ctx.viewer, ids),
      VisaApplication: (ids, ctx) => visasByIds(ctx.em, ctx.viewer, ids),
    },
  });
}
