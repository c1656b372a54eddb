import {
  DateScalar,
  PageArgs,
  Role,
  requireViewer,
  selects,
  type Page,
  type SubgraphContext,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import { LoyaltyAccount } from '../loyalty-account/loyalty-account.type';
import { rulesByIds } from '../rules/rules.service';
import { LoyaltyEarningRules } from '../rules/rules.type';
import { AdjustLoyaltyPointsInput, LoyaltyLedgerFilter } from './ledger.inputs';
import { adjustPoints, ledgerPages, statement } from './ledger.service';
import { LoyaltyLedgerEntry, LoyaltyLedgerEntryConnection, LoyaltyStatement } from './ledger.type';

@Resolver(() => LoyaltyAccount)
export class AccountLedgerResolver {
  @FieldResolver(() => LoyaltyLedgerEntryConnection, {
    description: 'The account’s ledger, newest entry first.',
  })
  async ledger(
    @Root() account: LoyaltyAccount,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => LoyaltyLedgerFilter, { nullable: true, description: 'Which entries to list.' })
    filter: LoyaltyLedgerFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof LoyaltyLedgerEntryConnection>> {
    const args = { first: page.first, after: page.after ?? null, filter, withCount: selects(info, 'totalCount') };
    // Accounts asking for the same page share one statement.
    const loader = ctx.loaders.get<string, Page<LoyaltyLedgerEntry>>(
      `LoyaltyAccount.ledger:${JSON.stringify(args)}`,
      (ids) => ledgerPages(ctx.em, ids, args),
    );
    return (await loader.load(account.id)) as InstanceType<typeof LoyaltyLedgerEntryConnection>;
  }

  @FieldResolver(() => LoyaltyStatement, {
    description:
      'The account’s statement for a period of up to 366 days (whole days, Riyadh calendar), with a CSV export of its entries.',
  })
  statement(
    @Root() account: LoyaltyAccount,
    @Arg('from', () => DateScalar, { description: 'First day of the period.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day of the period.' }) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyStatement> {
    return statement(ctx.em, account.id, from, to);
  }
}

@Resolver(() => LoyaltyLedgerEntry)
export class LedgerEntryResolver {
  @FieldResolver(() => LoyaltyEarningRules, {
    nullable: true,
    description: 'The earning rules version the points were earned under; null for other entries.',
  })
  async rule(@Root() entry: LoyaltyLedgerEntry, @Ctx() ctx: SubgraphContext): Promise<LoyaltyEarningRules | null> {
    if (!entry.ruleId) return null;
    return ctx.loaders
      .get<string, LoyaltyEarningRules | null>('LoyaltyLedgerEntry.rule', (ids) => rulesByIds(ctx.em, ctx.viewer, ids))
      .load(entry.ruleId);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => LoyaltyLedgerEntry, {
    description:
      'Corrects a company’s points with a reason (ministry officers): an ADJUST entry on its ledger. Added points expire under the rules in force; the balance cannot go below zero. A company that does not exist is NOT_FOUND.',
  })
  adjustLoyaltyPoints(
    @Arg('input', () => AdjustLoyaltyPointsInput, { description: 'The company, the points and why.' })
    input: AdjustLoyaltyPointsInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyLedgerEntry> {
    return adjustPoints(ctx.em, requireViewer(ctx), input);
  }
}
