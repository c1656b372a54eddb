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
    license: () => p.oneToOne(LicenseEntity).owner().eager(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type CompanyRow = InstanceType<typeof CompanyEntity.class>;
