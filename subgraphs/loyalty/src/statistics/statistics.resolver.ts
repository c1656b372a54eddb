import { MINISTRY_ROLES, type SubgraphContext } from '@umrah/subgraph-kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { rewardsForRedemptions } from '../reward/reward.service';
import { LoyaltyReward } from '../reward/reward.type';
import { programmeStatistics } from './statistics.service';
import { LoyaltyProgrammeStatistics, LoyaltyRewardFigures } from './statistics.type';

@Resolver(() => LoyaltyProgrammeStatistics)
export class StatisticsResolver {
  @Authorized(...MINISTRY_ROLES)
  @Query(() => LoyaltyProgrammeStatistics, {
    description: 'The Al-Barakat programme’s figures over every account (the ministry).',
  })
  loyaltyProgrammeStatistics(
    @Arg('months', () => Int, { defaultValue: 12, description: 'Months in `byMonth`, ending this month (1–36).' })
    months: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyProgrammeStatistics> {
    return programmeStatistics(ctx.em, months);
  }
}

@Resolver(() => LoyaltyRewardFigures)
export class RewardFiguresResolver {
  @FieldResolver(() => LoyaltyReward, { description: 'The reward.' })
  reward(@Root() figures: LoyaltyRewardFigures, @Ctx() ctx: SubgraphContext): Promise<LoyaltyReward> {
    return ctx.loaders
      .get<string, LoyaltyReward>('LoyaltyRewardFigures.reward', (ids) => rewardsForRedemptions(ctx.em, ids))
      .load(figures.rewardId);
  }
}
