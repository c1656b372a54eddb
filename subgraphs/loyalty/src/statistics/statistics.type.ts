import { DateScalar } from '@umrah/subgraph-kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { LoyaltyTier } from '../loyalty-account/tier';
import { RedemptionStatus } from '../redemption/redemption.type';

@ObjectType('LoyaltyTierCount', { description: 'How many accounts are in a tier today.' })
export class LoyaltyTierCount {
  @Field(() => LoyaltyTier, { description: 'The tier.' })
  tier!: LoyaltyTier;

  @Field(() => Int, { description: 'Accounts in it.' })
  accounts!: number;
}

@ObjectType('LoyaltyMonthFigures', {
  description:
    'Points moved across all accounts in one calendar month (Riyadh), by kind of entry; all positive except `adjusted`.',
})
export class LoyaltyMonthFigures {
  @Field(() => String, { description: 'The month, `YYYY-MM`.' })
  month!: string;

  @Field(() => Int, { description: 'Points earned.' })
  earned!: number;

  @Field(() => Int, { description: 'Points held for reward requests.' })
  redeemed!: number;

  @Field(() => Int, { description: 'Held points given back (rejected or cancelled requests).' })
  refunded!: number;

  @Field(() => Int, { description: 'Points that expired.' })
  expired!: number;

  @Field(() => Int, { description: 'Net points added (or, negative, taken) by officers’ adjustments.' })
  adjusted!: number;
}

@ObjectType('LoyaltyRedemptionStatusCount', { description: 'Reward requests in one state.' })
export class LoyaltyRedemptionStatusCount {
  @Field(() => RedemptionStatus, { description: 'The state.' })
  status!: RedemptionStatus;

  @Field(() => Int, { description: 'Requests in it.' })
  requests!: number;

  @Field(() => Int, { description: 'Points those requests hold or held.' })
  points!: number;
}

@ObjectType('LoyaltyRewardFigures', {
  description: 'How much one reward is asked for (rejected and cancelled requests excluded).',
})
export class LoyaltyRewardFigures {
  rewardId!: string;

  @Field(() => Int, { description: 'Requests for it.' })
  requests!: number;

  @Field(() => Int, { description: 'Units requested.' })
  units!: number;

  @Field(() => Int, { description: 'Points spent on it.' })
  points!: number;
}

@ObjectType('LoyaltyProgrammeStatistics', {
  description: 'The Al-Barakat programme at a glance, for the ministry: read-only figures over every account.',
})
export class LoyaltyProgrammeStatistics {
  @Field(() => Int, { description: 'Accounts opened.' })
  accounts!: number;

  @Field(() => Int, { description: 'Points held by all accounts now (the sum of their balances).' })
  pointsOutstanding!: number;

  @Field(() => Int, { description: 'Points of all accounts that expire by `expiringSoonUntil`.' })
  expiringSoon!: number;

  @Field(() => DateScalar, { description: 'Last day counted in `expiringSoon`.' })
  expiringSoonUntil!: string;

  @Field(() => [LoyaltyTierCount], { description: 'Accounts per tier today, lowest tier first.' })
  byTier!: LoyaltyTierCount[];

  @Field(() => [LoyaltyMonthFigures], { description: 'Points moved per month, oldest month first, ending this month.' })
  byMonth!: LoyaltyMonthFigures[];

  @Field(() => [LoyaltyRedemptionStatusCount], { description: 'Reward requests per state.' })
  redemptionsByStatus!: LoyaltyRedemptionStatusCount[];

  @Field(() => [LoyaltyRewardFigures], { description: 'The ten rewards most asked for, by units.' })
  topRewards!: LoyaltyRewardFigures[];
}
