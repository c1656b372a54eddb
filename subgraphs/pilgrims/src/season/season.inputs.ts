import { DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('UpdateSeasonPolicyInput', {
  description:
    'A new version of a season’s dates and rules. A rule left out keeps its value from the season’s latest version.',
})
export class UpdateSeasonPolicyInput {
  @Field(() => String, { description: 'Hijri year of the season to change, four digits.' })
  hijriYear!: string;

  @Field(() => String, { description: 'Why the rules change (3–1000 characters).' })
  reason!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Instant from which the new version applies; now when left out. Cannot lie in the past.',
  })
  effectiveFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day on which visas are issued.' })
  issuanceStartsOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day on which visas are issued.' })
  issuanceEndsOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day on which pilgrims may enter the Kingdom.' })
  lastEntryOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day on which pilgrims may leave the Kingdom.' })
  lastDepartureOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day for agent approvals and agency contracts; between the first and last issuance days.',
  })
  contractCutoffOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days after issuance within which the pilgrim must enter (1–365).' })
  entryWindowDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days a pilgrim may stay after entry (1–365).' })
  maxStayDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Visa fee in halalas (0–100,000,000).' })
  visaFeeHalalas?: number | null;

  @Field(() => Int, { nullable: true, description: 'Insurance premium in halalas (0–100,000,000).' })
  insuranceFeeHalalas?: number | null;

  @Field(() => Int, { nullable: true, description: 'Fine per overstaying pilgrim in halalas (0–100,000,000).' })
  overstayFineHalalas?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Months a passport must stay valid past the planned departure (0–24).',
  })
  passportValidityMonths?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Default visa quota per company (0–10,000,000); an explicit null removes the default quota.',
  })
  defaultCompanyQuota?: number | null;
}

@InputType('SetCompanyVisaQuotaInput', { description: 'A company’s own visa quota for a season.' })
export class SetCompanyVisaQuotaInput {
  @Field(() => String, { description: 'Hijri year of the season, four digits.' })
  hijriYear!: string;

  @Field(() => ID, { description: 'The company the quota is for.' })
  companyId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Visas the company may be issued this season (0–10,000,000); null means no limit for this company.',
  })
  quota!: number | null;

  @Field(() => String, { description: 'Why the quota is set (3–1000 characters).' })
  reason!: string;
}
