import { defineEntity, p } from '@umrah/db-kit';
import { LicenseEntity } from '../license/license.entity';

export const CompanyEntity = defineEntity({
  name: 'Company',
  tableName: 'company',
  properties: {
    id: p.uuid().primary(),
    nameAr: p.string(),
    nameEn: p.string(),
    crNumber: p.string(),
    city: p.string(),
    contactEmail: p.string().nullable(),
    contactPhone: p.string().nullable(),
    serviceCenter: p.string().nullable(),
    license: () => p.oneToOne(LicenseEntity).owner().eager(),
    // Millisecond precision (a check constraint holds the column to it), so sort cursors carry it exactly.
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type CompanyRow = InstanceType<typeof CompanyEntity.class>;
