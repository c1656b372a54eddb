import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { CreateLoyaltyRewardInput, LoyaltyRewardFilter, UpdateLoyaltyRewardInput } from './reward.inputs';
import { createReward, listRewards, rewardsByIds, updateReward } from './reward.service';
import { LoyaltyReward, LoyaltyRewardConnection } from './reward.type';

@Resolver(() => LoyaltyReward)
export class RewardResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => LoyaltyRewardConnection, {
    description:
      'The rewards catalogue in the order rewards were added. Managers see the rewards active today; the ministry may ask for all.',
  })
  async loyaltyRewards(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => LoyaltyRewardFilter, { nullable: true, description: 'Which rewards to list.' })
    filter: LoyaltyRewardFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof LoyaltyRewardConnection>> {
    return (await listRewards(ctx.em, requireViewer(ctx), filter, page, info)) as InstanceType<
      typeof LoyaltyRewardConnection
    >;
  }

  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => LoyaltyReward, {
    nullable: true,
    description: 'One reward; null when there is none, or (for a manager) when it is not active today.',
  })
  async loyaltyReward(
    @Arg('id', () => ID, { description: 'The reward.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyReward | null> {
    return (await rewardsByIds(ctx.em, requireViewer(ctx), [id]))[0] ?? null;
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => LoyaltyReward, { description: 'Adds a reward to the catalogue (ministry officers).' })
  createLoyaltyReward(
    @Arg('input', () => CreateLoyaltyRewardInput, { description: 'The reward.' }) input: CreateLoyaltyRewardInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyReward> {
    return createReward(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => LoyaltyReward, {
    description: 'Changes a reward of the catalogue, including adding or withdrawing stock (ministry officers).',
  })
  updateLoyaltyReward(
    @Arg('input', () => UpdateLoyaltyRewardInput, { description: 'The reward and what changes.' })
    input: UpdateLoyaltyRewardInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyReward> {
    return updateReward(ctx.em, input);
  }
}
