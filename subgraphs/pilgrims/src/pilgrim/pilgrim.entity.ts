import { defineEntity, p } from '@umrah/db-kit';

export const PilgrimEntity = defineEntity({
  name: 'Pilgrim',
  tableName: 'pilgrim',
  properties: {
    id: p.uuid().primary(),
    companyId: p.uuid(),
    agentId: p.uuid().nullable(),
    season: p.string(),
    givenNameAr: p.string(),
    fatherNameAr: p.string(),
    grandfatherNameAr: p.string(),
    familyNameAr: p.string(),
    givenNameEn: p.string(),
    fatherNameEn: p.string(),
    grandfatherNameEn: p.string(),
    familyNameEn: p.string(),
    passportNumber: p.string(),
    nationality: p.string(),
    dateOfBirth: p.string().columnType('date'),
    sex: p.string(),
    groupId: p.uuid().nullable(),
    passportIssuedOn: p.string().columnType('date').nullable(),
    passportExpiresOn: p.string().columnType('date').nullable(),
    plannedDepartureOn: p.string().columnType('date').nullable(),
    mrz: p.text().nullable(),
    /** The current (latest) application's status, kept by the database's triggers (migration 0017); null before any. */
    visaStatus: p.string().nullable(),
    registeredBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type PilgrimRow = InstanceType<typeof PilgrimEntity.class>;
