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
    // Every change counts one version, so an officer decides on the version they read.
    version: p.integer().default(1),
    updatedAt: p.datetime().onCreate(() => new Date()),
    submittedAt: p.datetime().nullable(),
    decidedAt: p.datetime().nullable(),
    rejectionReason: p.string().nullable(),
  },
});

export type ServicePackageRow = InstanceType<typeof ServicePackageEntity.class>;

/** One service of a package: an inventory item for `days` consecutive days from `dayOffset` of the stay. */
export const PackageComponentEntity = defineEntity({
  name: 'PackageComponent',
  tableName: 'package_component',
  properties: {
    id: p.uuid().primary(),
    packageId: p.uuid(),
    position: p.integer(),
    itemId: p.uuid(),
    dayOffset: p.integer(),
    days: p.integer(),
  },
});

export type PackageComponentRow = InstanceType<typeof PackageComponentEntity.class>;

/** One step of a package's approval history: who, when, what and why. Rows are only ever added. */
export const PackageStatusChangeEntity = defineEntity({
  name: 'PackageStatusChange',
  tableName: 'package_status_change',
  properties: {
    id: p.uuid().primary(),
    packageId: p.uuid(),
    companyId: p.uuid(),
    action: p.string(),
    fromStatus: p.string().nullable(),
    toStatus: p.string(),
    version: p.integer(),
    reason: p.string().nullable(),
    actorAccountId: p.uuid().nullable(),
    actorRole: p.string().nullable(),
    at: p.datetime().onCreate(() => new Date()),
  },
});

export type PackageStatusChangeRow = InstanceType<typeof PackageStatusChangeEntity.class>;
