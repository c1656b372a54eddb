import { DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('LoyaltyEarningRules', {
  description:
    'One version of the Al-Barakat earning rules, set by the ministry for a season. Versions are never edited: a change adds a version that applies from its effective time, and every ledger entry keeps the version it was earned under.',
})
export class LoyaltyEarningRules {
  @Field(() => ID, { description: 'Identifier of this version.' })
  id!: string;

  @Field(() => Int, { description: 'Number of this version, from 1; a later version has a higher number.' })
  version!: number;

  @Field(() => String, { description: 'Hijri year of the season the version was set for, four digits.' })
  season!: string;

  @Field(() => DateTimeScalar, { description: 'Instant from which this version applies to new points.' })
  effectiveFrom!: Date;

  @Field(() => Int, {
    description: 'Points earned for each pilgrim registered through the platform, before the tier multiplier.',
  })
  pointsPerPilgrim!: number;

  @Field(() => Int, {
    description: 'Points earned for each visa issued, before the tier multiplier; 0 means no bonus.',
  })
  visaIssuedBonus!: number;

  @Field(() => Int, { description: 'Pilgrims registered in the last 12 months from which a company is Silver.' })
  silverFrom!: number;

  @Field(() => Int, { description: 'Pilgrims registered in the last 12 months from which a company is Gold.' })
  goldFrom!: number;

  @Field(() => Int, { description: 'Pilgrims registered in the last 12 months from which a company is Platinum.' })
  platinumFrom!: number;

  @Field(() => Int, { description: 'Percentage of the points a Silver company earns (100 = no bonus).' })
  silverMultiplierPercent!: number;

  @Field(() => Int, { description: 'Percentage of the points a Gold company earns.' })
  goldMultiplierPercent!: number;

  @Field(() => Int, { description: 'Percentage of the points a Platinum company earns.' })
  platinumMultiplierPercent!: number;

  @Field(() => Int, { description: 'Months after earning at which points expire, unless redeemed first.' })
  expiryMonths!: number;

  @Field(() => Int, { description: 'Points expiring within this many days count as expiring soon.' })
  expiryNoticeDays!: number;

  @Field(() => String, { description: 'Why this version was set.' })
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'Account of the officer who set it; shown to the ministry only.' })
  changedBy!: string | null;

  @Field(() => DateTimeScalar, { description: 'When this version was recorded.' })
  createdAt!: Date;
}
