import { DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('SeasonPolicy', {
  description:
    'One version of a season’s dates and rules. Versions are never edited: a change adds a version, which applies from its effective time.',
})
export class SeasonPolicy {
  @Field(() => ID, { description: 'Identifier of this version.' })
  id!: string;

  @Field(() => Int, { description: 'Number of this version within its season, from 1.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'Instant from which this version applies.' })
  effectiveFrom!: Date;

  @Field(() => DateScalar, { description: 'First day on which visas for the season are issued.' })
  issuanceStartsOn!: string;

  @Field(() => DateScalar, { description: 'Last day on which visas for the season are issued.' })
  issuanceEndsOn!: string;

  @Field(() => DateScalar, { description: 'Last day on which a pilgrim of the season may enter the Kingdom.' })
  lastEntryOn!: string;

  @Field(() => DateScalar, { description: 'Last day on which a pilgrim of the season may leave the Kingdom.' })
  lastDepartureOn!: string;

  @Field(() => DateScalar, {
    description: 'Last day on which agents are approved and agency contracts registered for the season.',
  })
  contractCutoffOn!: string;

  @Field(() => Int, { description: 'Days after issuance within which the pilgrim must enter, else the visa expires.' })
  entryWindowDays!: number;

  @Field(() => Int, { description: 'Days a pilgrim may stay in the Kingdom after entry.' })
  maxStayDays!: number;

  @Field(() => Int, { description: 'Visa fee in halalas (SAR 1 = 100 halalas).' })
  visaFeeHalalas!: number;

  @Field(() => Int, { description: 'Mandatory insurance premium included in the visa, in halalas.' })
  insuranceFeeHalalas!: number;

  @Field(() => Int, { description: 'Fine charged to the company per overstaying pilgrim, in halalas.' })
  overstayFineHalalas!: number;

  @Field(() => Int, { description: 'Months a passport must stay valid past the planned departure.' })
  passportValidityMonths!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Visas each company may be issued this season unless it has its own quota; null means no quota.',
  })
  defaultCompanyQuota!: number | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Account of the officer who made this version; null for seeded versions and for callers outside the ministry.',
  })
  changedBy!: string | null;

  @Field(() => String, { description: 'Why this version was made.' })
  reason!: string;

  @Field(() => DateTimeScalar, { description: 'When this version was recorded.' })
  createdAt!: Date;
}

@ObjectType('Season', { description: 'A Umrah season, named by its Hijri (Umm al-Qura) year.' })
export class Season {
  @Field(() => ID, { description: 'Stable identifier of the season.' })
  id!: string;

  @Field(() => String, { description: 'Hijri year of the season, four digits, e.g. 1448.' })
  hijriYear!: string;

  @Field(() => String, { description: 'Name of the season in Arabic.' })
  nameAr!: string;

  @Field(() => String, { description: 'Name of the season in English.' })
  nameEn!: string;
}

@ObjectType('CompanyVisaQuota', { description: 'How many visas a company may be issued in a season.' })
export class CompanyVisaQuota {
  @Field(() => String, { description: 'Hijri year of the season the quota applies to.' })
  seasonYear!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Visas the company may be issued this season; null means no limit.',
  })
  quota!: number | null;

  @Field(() => Boolean, {
    description: 'True when the ministry set this company’s own quota; false when the season’s default applies.',
  })
  isOverride!: boolean;
}
