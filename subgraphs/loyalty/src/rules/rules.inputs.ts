import { DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, InputType, Int } from 'type-graphql';

@InputType('SetLoyaltyEarningRulesInput', {
  description:
    'A new version of the earning rules. A rule left out keeps its value from the latest version; points already earned keep the rules they were earned under.',
})
export class SetLoyaltyEarningRulesInput {
  @Field(() => String, { description: 'Hijri year of the season the version is set for, four digits.' })
  season!: string;

  @Field(() => String, { description: 'Why the rules change (3–1000 characters).' })
  reason!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Instant from which the version applies; now when left out. Cannot lie in the past.',
  })
  effectiveFrom?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Points per registered pilgrim (1–100,000).' })
  pointsPerPilgrim?: number | null;

  @Field(() => Int, { nullable: true, description: 'Points per issued visa (0–100,000); 0 for no bonus.' })
  visaIssuedBonus?: number | null;

  @Field(() => Int, { nullable: true, description: 'Pilgrims in 12 months to reach Silver; below Gold’s.' })
  silverFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Pilgrims in 12 months to reach Gold; below Platinum’s.' })
  goldFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Pilgrims in 12 months to reach Platinum (up to 10,000,000).' })
  platinumFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Silver multiplier in percent (100–500), not above Gold’s.' })
  silverMultiplierPercent?: number | null;

  @Field(() => Int, { nullable: true, description: 'Gold multiplier in percent (100–500), not above Platinum’s.' })
  goldMultiplierPercent?: number | null;

  @Field(() => Int, { nullable: true, description: 'Platinum multiplier in percent (100–500).' })
  platinumMultiplierPercent?: number | null;

  @Field(() => Int, { nullable: true, description: 'Months after earning at which points expire (1–120).' })
  expiryMonths?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days ahead in which expiring points are flagged (1–365).' })
  expiryNoticeDays?: number | null;
}
