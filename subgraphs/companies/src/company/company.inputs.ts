import { DateScalar, SortDirection } from '@umrah/subgraph-kit';
import { Field, InputType, registerEnumType } from 'type-graphql';

@InputType('CreateCompanyInput', { description: 'A new licensed company and its licence.' })
export class CreateCompanyInput {
  @Field(() => String, { description: 'Registered name in Arabic (2–200 characters).' })
  nameAr!: string;

  @Field(() => String, { description: 'Registered name in English (2–200 characters).' })
  nameEn!: string;

  @Field(() => String, { description: 'Commercial registration number: 10 digits, unique.' })
  crNumber!: string;

  @Field(() => String, { description: 'City of the head office (2–80 characters).' })
  city!: string;

  @Field(() => String, { description: 'Email address the ministry writes to.' })
  contactEmail!: string;

  @Field(() => String, { description: 'Telephone number, digits with an optional leading + (7–20 characters).' })
  contactPhone!: string;

  @Field(() => String, {
    description: 'The Umrah systems service centre (مخاع) the company uses, e.g. Bab Al-Umrah (2–120 characters).',
  })
  serviceCenter!: string;

  @Field(() => String, { description: 'Licence number as printed on the licence, unique (3–40 characters).' })
  licenseNumber!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Date the licence was issued, not in the future; defaults to today. It runs for the policy’s licence years.',
  })
  issuedOn?: string | null;
}

@InputType('UpdateCompanyInput', {
  description: 'Changes to a company’s registry entry; fields left out stay as they are.',
})
export class UpdateCompanyInput {
  @Field(() => String, { nullable: true, description: 'Registered name in Arabic (2–200 characters).' })
  nameAr?: string | null;

  @Field(() => String, { nullable: true, description: 'Registered name in English (2–200 characters).' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Commercial registration number: 10 digits, unique.' })
  crNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'City of the head office (2–80 characters).' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address the ministry writes to.' })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone number, digits with an optional leading +.' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'The Umrah systems service centre the company uses.' })
  serviceCenter?: string | null;
}

export enum CompanyOrderField {
  NAME_EN = 'NAME_EN',
  NAME_AR = 'NAME_AR',
  CREATED_AT = 'CREATED_AT',
  LICENSE_EXPIRES_ON = 'LICENSE_EXPIRES_ON',
}

registerEnumType(CompanyOrderField, {
  name: 'CompanyOrderField',
  description: 'What a list of companies can be sorted by.',
  valuesConfig: {
    NAME_EN: { description: 'Registered English name.' },
    NAME_AR: { description: 'Registered Arabic name.' },
    CREATED_AT: { description: 'When the company was registered here.' },
    LICENSE_EXPIRES_ON: { description: 'Expiry date of the licence.' },
  },
});

@InputType('CompanyOrder', {
  description: 'How to sort a list of companies; ties are broken by id, so pages never overlap or skip.',
})
export class CompanyOrder {
  @Field(() => CompanyOrderField, { description: 'What to sort by.' })
  field!: CompanyOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection = SortDirection.ASC;
}
