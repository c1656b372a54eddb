import { DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('LicensingPolicy', {
  description: 'One version of the licensing rules. Versions are never edited: a change adds a version.',
})
export class LicensingPolicy {
  @Field(() => ID, { description: 'Identifier of this version.' })
  id!: string;

  @Field(() => String, { description: 'Hijri season year the rules belong to, e.g. 1447.' })
  season!: string;

  @Field(() => DateScalar, { description: 'Date from which this version applies.' })
  effectiveFrom!: string;

  @Field(() => Int, { description: 'Years a new or renewed licence runs.' })
  licenseYears!: number;

  @Field(() => Int, { description: 'Days of cure period given to a suspended company by default.' })
  companyCureDays!: number;

  @Field(() => Int, { description: 'Days of cure period given to a suspended external agent by default.' })
  agentCureDays!: number;

  @Field(() => DateScalar, { description: 'Last day on which agency contracts may be registered this season.' })
  contractCutoffOn!: string;

  @Field(() => String, { description: 'Why this version was made.' })
  reason!: string;

  @Field(() => DateTimeScalar, { description: 'When this version was recorded.' })
  createdAt!: Date;
}

@InputType('LicensingPolicyInput', { description: 'A new version of the licensing rules.' })
export class LicensingPolicyInput {
  @Field(() => String, { description: 'Hijri season year, four digits.' })
  season!: string;

  @Field(() => DateScalar, { description: 'Date from which the new version applies.' })
  effectiveFrom!: string;

  @Field(() => Int, { description: 'Years a new or renewed licence runs (1–10).' })
  licenseYears!: number;

  @Field(() => Int, { description: 'Default cure period for a suspended company, in days (1–180).' })
  companyCureDays!: number;

  @Field(() => Int, { description: 'Default cure period for a suspended agent, in days (1–180).' })
  agentCureDays!: number;

  @Field(() => DateScalar, { description: 'Last day on which agency contracts may be registered.' })
  contractCutoffOn!: string;

  @Field(() => String, { description: 'Why the rules change (3–1000 characters).' })
  reason!: string;
}
