import {
  DateScalar,
  MINISTRY_ROLES,
  badInput,
  PageArgs,
  requireViewer,
  type SubgraphContext,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { LoyaltyExpiry } from '../ledger/ledger.type';
import { rulesNow } from '../rules/rules.service';
import {
  expiringSoonUntil,
  expirySchedules,
  listAccounts,
  pointsExpiringBy,
  tierProgress,
} from './loyalty-account.service';
import { LoyaltyAccount, LoyaltyAccountConnection, LoyaltyTier, LoyaltyTierProgress } from './loyalty-account.type';

const MAX_SCHEDULE = 24;

@Resolver(() => LoyaltyAccount)
export class LoyaltyAccountResolver {
  @Authorized(...MINISTRY_ROLES)
  @Query(() => LoyaltyAccountConnection, {
    description:
      'Every company’s Al-Barakat account, oldest first. Ministry only; a manager reads their own through `Company.loyalty`.',
  })
  async loyaltyAccounts(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof LoyaltyAccountConnection>> {
    return (await listAccounts(ctx.em, requireViewer(ctx), page, info)) as InstanceType<
      typeof LoyaltyAccountConnection
    >;
  }

  @FieldResolver(() => LoyaltyTierProgress, {
    description: 'The tier today and the way to the next, under the earning rules in force.',
  })
  async tierProgress(@Root() account: LoyaltyAccount, @Ctx() ctx: SubgraphContext): Promise<LoyaltyTierProgress> {
    const rules = await rulesNow(ctx);
    return ctx.loaders
      .get<string, LoyaltyTierProgress>('LoyaltyAccount.tierProgress', (ids) => tierProgress(ctx.em, ids, rules))
      .load(account.id);
  }

  @FieldResolver(() => LoyaltyTier, {
    description: 'The tier today, set by the pilgrims registered in the last 12 months (same as `tierProgress.tier`).',
  })
  async tier(@Root() account: LoyaltyAccount, @Ctx() ctx: SubgraphContext): Promise<LoyaltyTier> {
    return (await this.tierProgress(account, ctx)).tier;
  }

  @FieldResolver(() => Int, {
    description: 'Points that expire by `expiringSoonUntil` unless redeemed first.',
  })
  async expiringSoon(@Root() account: LoyaltyAccount, @Ctx() ctx: SubgraphContext): Promise<number> {
    const until = expiringSoonUntil(await rulesNow(ctx));
    return ctx.loaders
      .get<string, number>('LoyaltyAccount.expiringSoon', (ids) => pointsExpiringBy(ctx.em, ids, until))
      .load(account.id);
  }

  @FieldResolver(() => DateScalar, {
    description: 'Last day counted in `expiringSoon`: today plus the rules’ notice period.',
  })
  async expiringSoonUntil(@Ctx() ctx: SubgraphContext): Promise<string> {
    return expiringSoonUntil(await rulesNow(ctx));
  }

  @FieldResolver(() => [LoyaltyExpiry], {
    description: 'When the points held now expire, earliest day first.',
  })
  expirySchedule(
    @Root() account: LoyaltyAccount,
    @Arg('first', () => Int, { defaultValue: 12, description: `How many expiry days to list, 1 to ${MAX_SCHEDULE}.` })
    first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyExpiry[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SCHEDULE) {
      throw badInput('first', `Ask for 1 to ${MAX_SCHEDULE} expiry days.`);
    }
    return ctx.loaders
      .get<string, LoyaltyExpiry[]>(`LoyaltyAccount.expirySchedule:${first}`, (ids) =>
        expirySchedules(ctx.em, ids, first),
      )
      .load(account.id);
  }
}
