import { Connection, DateScalar, DateTimeScalar, Role } from '@umrah/subgraph-kit';
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
    'A bundle of services composed from Maqam inventory (Makkah and Madinah nights, transport legs, catering, enrichment, insurance) that a company sells to pilgrims once the ministry approves it. Readable by the ministry and by the managers of the company that owns it.',
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

  @Field(() => Int, {
    description:
      'Version of the package, counting every change and decision from 1; an officer decides on the version they read.',
  })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When the package was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the package was last changed or decided on.' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the package was last sent to the ministry; null while it never was.',
  })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the ministry last approved or rejected the package; null while it is waiting or a draft.',
  })
  decidedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the ministry rejected the package, while it is REJECTED; earlier reasons stay in the history.',
  })
  rejectionReason!: string | null;
}

export enum PackageAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CHANGED_AFTER_APPROVAL = 'CHANGED_AFTER_APPROVAL',
}

registerEnumType(PackageAction, {
  name: 'PackageAction',
  description: 'A step in a service package’s life.',
  valuesConfig: {
    CREATED: { description: 'The company created the package as a draft.' },
    UPDATED: { description: 'The company changed the package before the ministry approved it.' },
    SUBMITTED: { description: 'The company sent the package to the ministry for approval.' },
    APPROVED: { description: 'A ministry officer approved the package.' },
    REJECTED: { description: 'A ministry officer rejected the package, with a reason.' },
    CHANGED_AFTER_APPROVAL: {
      description: 'The company changed an approved package, which sent it back to the ministry for approval.',
    },
  },
});

@ObjectType('PackageComponent', {
  description:
    'One service of a package: an inventory item used for some consecutive days of the stay. Day 0 is the day of arrival; a stay of N nights runs from day 0 to day N, the day of leaving. Hotel nights lie within days 0 to N−1; transport, catering, enrichment and insurance may also use day N.',
})
export class PackageComponent {
  @Field(() => ID, { description: 'Stable identifier of the component.' })
  id!: string;

  /** Resolved by a field resolver (batched); the id stays for it. */
  itemId!: string;

  @Field(() => Int, { description: 'Place of the component in the package, from 0.' })
  position!: number;

  @Field(() => Int, { description: 'Day of the stay the component starts on (0 is the day of arrival).' })
  dayOffset!: number;

  @Field(() => Int, { description: 'How many consecutive days (for a hotel, nights) the component uses.' })
  days!: number;
}

@ObjectType('PackageStatusChange', {
  description: 'One step of a package’s approval history: what happened, who did it, when and why.',
})
export class PackageStatusChange {
  @Field(() => ID, { description: 'Stable identifier of the step.' })
  id!: string;

  @Field(() => PackageAction, { description: 'What happened.' })
  action!: PackageAction;

  @Field(() => PackageStatus, {
    nullable: true,
    description: 'Status before the step; null when the package was created.',
  })
  fromStatus!: PackageStatus | null;

  @Field(() => PackageStatus, { description: 'Status after the step.' })
  toStatus!: PackageStatus;

  @Field(() => Int, { description: 'Version of the package the step produced.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Why: always given for a rejection.' })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'Account that took the step.' })
  actorAccountId!: string | null;

  @Field(() => Role, { nullable: true, description: 'Role the account acted in.' })
  actorRole!: Role | null;

  @Field(() => DateTimeScalar, { description: 'When the step was taken.' })
  at!: Date;
}

export const ServicePackageConnection = Connection(ServicePackage, 'ServicePackage', 'service package');
export const PackageStatusChangeConnection = Connection(
  PackageStatusChange,
  'PackageStatusChange',
  'step of a package’s history',
);
