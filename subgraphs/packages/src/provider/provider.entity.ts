import { defineEntity, p } from '@umrah/db-kit';

export const ServiceProviderEntity = defineEntity({
  name: 'ServiceProvider',
  tableName: 'service_provider',
  properties: {
    id: p.uuid().primary(),
    nameAr: p.string(),
    nameEn: p.string(),
    kind: p.string(),
    city: p.string(),
    licenseNumber: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type ServiceProviderRow = InstanceType<typeof ServiceProviderEntity.class>;
