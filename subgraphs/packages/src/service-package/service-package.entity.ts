import { defineEntity, p } from '@umrah/db-kit';

export const ServicePackageEntity = defineEntity({
  name: 'ServicePackage',
  tableName: 'service_package',
  properties: {
    id: p.uuid().primary(),
    // The company is owned by the companies subgraph: a plain id, joined in the graph by key.
    companyId: p.uuid(),
    nameAr: p.string(),
    nameEn: p.string(),
    status: p.string(),
    priceHalalas: p.integer(),
    makkahNights: p.integer(),
    madinahNights: p.integer(),
    saleStartsOn: p.string().columnType('date'),
    saleEndsOn: p.string().columnType('date'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type ServicePackageRow = InstanceType<typeof ServicePackageEntity.class>;
