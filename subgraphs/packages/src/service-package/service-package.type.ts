import { Connection, DateScalar } from '@umrah/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Company } from '../company/company.type';

export enum PackageStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(PackageStatus, {
  name: 'PackageStatus',
  description: 'Where a service package stands in the ministry’s approval on the Umrah e-track.',
  valuesConfig: {
    DRAFT: { description: 'Being composed by the company; not yet sent to the ministry.' },
    SUBMITTED: { description: 'Sent to the ministry and awaiting its decision.' },
    APPROVED: { description: 'Approved by the ministry: it may be sold to pilgrims during its sale period.' },
    REJECTED: { description: 'Rejected by the ministry; it may not be sold.' },
  },
});

@ObjectType('ServicePackage', {
  description:
    'A bundle of services (accommodation, transport, catering, enrichment) that a company sells to pilgrims once the ministry approves it. Readable by the ministry and by the managers of the company that owns it.',
})
@Directive('@key(fields: "id")')
export class ServicePackage {
  @Field(() => ID, { description: 'Stable identifier of the package.' })
  id!: string;

  @Field(() => String, { description: 'Name of the package in Arabic, as shown to pilgrims.' })
  nameAr!: string;

  @Field(() => String, { description: 'Name of the package in English, as shown to pilgrims.' })
  nameEn!: string;

  @Field(() => PackageStatus, { description: 'Approval status on the Umrah e-track.' })
  status!: PackageStatus;

  @Field(() => Int, { description: 'Price per pilgrim in halalas (1 SAR = 100 halalas); always positive.' })
  priceHalalas!: number;

  @Field(() => Int, { description: 'Nights of accommodation in Makkah.' })
  makkahNights!: number;

  @Field(() => Int, { description: 'Nights of accommodation in Madinah.' })
  madinahNights!: number;

  @Field(() => DateScalar, { description: 'First day the package may be sold.' })
  saleStartsOn!: string;

  @Field(() => DateScalar, { description: 'Last day the package may be sold; after the first day.' })
  saleEndsOn!: string;

  @Field(() => Company, { description: 'The company that sells the package.' })
  company!: Company;
}

export const ServicePackageConnection = Connection(ServicePackage, 'ServicePackage', 'service package');
