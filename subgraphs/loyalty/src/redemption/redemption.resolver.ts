import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { rewardsForRedemptions } from '../reward/reward.service';
import { LoyaltyReward } from '../reward/reward.type';
import {
  DecideLoyaltyRedemptionInput,
  LoyaltyRedemptionFilter,
  RejectLoyaltyRedemptionInput,
  RequestLoyaltyRedemptionInput,
} from './redemption.inputs';
import {
  approveRedemption,
  cancelRedemption,
  fulfilRedemption,
  listRedemptions,
  redemptionsByIds,
  rejectRedemption,
  requestRedemption,
} from './redemption.service';
import { LoyaltyRedemption, LoyaltyRedemptionConnection } from './redemption.type';

@Resolver(() => LoyaltyRedemption)
export class RedemptionResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => LoyaltyRedemptionConnection, {
    description:
      'Reward requests, oldest first (the order the programme staff work through them). The ministry sees every company’s; a manager their own company’s.',
  })
  async loyaltyRedemptions(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => LoyaltyRedemptionFilter, { nullable: true, description: 'Which requests to list.' })
    filter: LoyaltyRedemptionFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof LoyaltyRedemptionConnection>> {
    return (await listRedemptions(ctx.em, requireViewer(ctx), filter, page, info)) as InstanceType<
      typeof LoyaltyRedemptionConnection
    >;
  }

  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => LoyaltyRedemption, {
    nullable: true,
    description: 'One reward request; null when there is none or it is another company’s.',
  })
  async loyaltyRedemption(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyRedemption | null> {
    return (await redemptionsByIds(ctx.em, requireViewer(ctx), [id]))[0] ?? null;
  }

  @FieldResolver(() => LoyaltyReward, { description: 'The reward asked for (its cost today may differ).' })
  reward(@Root() redemption: LoyaltyRedemption, @Ctx() ctx: SubgraphContext): Promise<LoyaltyReward> {
    return ctx.loaders
      .get<string, LoyaltyReward>('LoyaltyRedemption.reward', (ids) => rewardsForRedemptions(ctx.em, ids))
      .load(redemption.rewardId);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => LoyaltyRedemption, {
    description:
      'Asks for a reward for your company (managers). The points and the units are held at once; the programme staff then approve and fulfil it, or reject it and the points come back.',
  })
  requestLoyaltyRedemption(
    @Arg('input', () => RequestLoyaltyRedemptionInput, { description: 'The reward and how many.' })
    input: RequestLoyaltyRedemptionInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'A key of your choosing (1 to 200 characters) that makes a retried call safe: the same key from the same account returns the first request instead of holding points again.',
    })
    idempotencyKey: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyRedemption> {
    return requestRedemption(ctx.em, requireViewer(ctx), input, new Date(), idempotencyKey);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => LoyaltyRedemption, {
    description: 'Withdraws your company’s request while it waits for a decision; the points come back.',
  })
  cancelLoyaltyRedemption(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyRedemption> {
    return cancelRedemption(ctx.em, requireViewer(ctx), id);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => LoyaltyRedemption, { description: 'Approves a waiting request (ministry officers).' })
  approveLoyaltyRedemption(
    @Arg('input', () => DecideLoyaltyRedemptionInput, { description: 'The request and an optional note.' })
    input: DecideLoyaltyRedemptionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyRedemption> {
    return approveRedemption(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => LoyaltyRedemption, {
    description: 'Records that an approved request was delivered (ministry officers).',
  })
  fulfilLoyaltyRedemption(
    @Arg('input', () => DecideLoyaltyRedemptionInput, { description: 'The request and an optional delivery note.' })
    input: DecideLoyaltyRedemptionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyRedemption> {
    return fulfilRedemption(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => LoyaltyRedemption, {
    description:
      'Rejects a waiting or approved request with a reason (ministry officers); its points are refunded and its units go back to stock.',
  })
  rejectLoyaltyRedemption(
    @Arg('input', () => RejectLoyaltyRedemptionInput, { description: 'The request and why.' })
    input: RejectLoyaltyRedemptionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyRedemption> {
    return rejectRedemption(ctx.em, requireViewer(ctx), input);
  }
}
