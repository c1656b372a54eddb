import { MINISTRY_ROLES, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { SetLoyaltyEarningRulesInput } from './rules.inputs';
import { currentRules, rulesHistory, setEarningRules } from './rules.service';
import { LoyaltyEarningRules } from './rules.type';

@Resolver(() => LoyaltyEarningRules)
export class EarningRulesResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => LoyaltyEarningRules, {
    description: 'The Al-Barakat earning rules in force now. The ministry and company managers.',
  })
  loyaltyEarningRules(@Ctx() ctx: SubgraphContext): Promise<LoyaltyEarningRules> {
    return currentRules(ctx.em, requireViewer(ctx));
  }

  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => [LoyaltyEarningRules], {
    description: 'Every version of the earning rules, newest first, including versions announced for later.',
  })
  loyaltyEarningRulesHistory(@Ctx() ctx: SubgraphContext): Promise<LoyaltyEarningRules[]> {
    return rulesHistory(ctx.em, requireViewer(ctx));
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => LoyaltyEarningRules, {
    description:
      'Adds a version of the earning rules (ministry officers). It applies to points earned from its effective time; points already earned keep their rules.',
  })
  setLoyaltyEarningRules(
    @Arg('input', () => SetLoyaltyEarningRulesInput, { description: 'The season, the changed rules and why.' })
    input: SetLoyaltyEarningRulesInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoyaltyEarningRules> {
    return setEarningRules(ctx.em, requireViewer(ctx), input);
  }
}
