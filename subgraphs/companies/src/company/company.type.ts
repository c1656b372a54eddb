import { Connection, DateTimeScalar } from '@umrah/subgraph-kit';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { License, LicenseStatus } from '../license/license.type';

@ObjectType('Company', {
  description:
    'A Saudi company licensed to host Umrah pilgrims. Its registry entry (names, city, licence) is readable by every signed-in party; its business data (pilgrims, packages, points) only by the ministry and its own managers.',
})
@Directive('@key(fields: "id")')
export class Company {
  @Field(() => ID, { description: 'Stable identifier of the company.' })
  id!: string;

  @Field(() => String, { description: 'Registered name in Arabic.' })
  nameAr!: string;

  @Field(() => String, { description: 'Registered name in English.' })
  nameEn!: string;

  @Field(() => String, { description: 'Commercial registration number (10 digits), unique.' })
  crNumber!: string;

  @Field(() => String, { description: 'City of the head office.' })
  city!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Email address the ministry writes to; null for companies registered before contacts were kept.',
  })
  contactEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone number; null when not on record.' })
  contactPhone!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The Umrah systems service centre (مخاع) the company uses, e.g. Bab Al-Umrah; null when not on record.',
  })
  serviceCenter!: string | null;

  @Field(() => License, { description: 'The company’s ministry licence.' })
  license!: License;

  @Field(() => Boolean, {
    description:
      'Whether the company may take new work today: true exactly when its licence reads ACTIVE (not suspended, revoked or expired).',
  })
  mayOperate!: boolean;

  @Field(() => DateTimeScalar, { description: 'When the company was registered in this registry.' })
  createdAt!: Date;
}

export const CompanyConnection = Connection(Company, 'Company', 'company');

@InputType('CompanyFilter', { description: 'Narrows a list of companies; all given conditions must hold.' })
export class CompanyFilter {
  @Field(() => String, { nullable: true, description: 'Part of the Arabic or English name, or the CR number.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact city of the head office.' })
  city?: string | null;

  @Field(() => LicenseStatus, { nullable: true, description: 'Only companies whose licence has this status today.' })
  licenseStatus?: LicenseStatus | null;
}
