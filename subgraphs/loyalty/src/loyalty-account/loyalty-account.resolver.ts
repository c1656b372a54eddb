import { MINISTRY_ROLES, PageArgs, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { listAccounts } from './loyalty-account.service';
import { LoyaltyAccount, LoyaltyAccountConnection } from './loyalty-account.type';

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
}
