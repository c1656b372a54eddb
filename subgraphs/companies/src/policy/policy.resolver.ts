import { ALL_ROLES, MINISTRY_ROLES, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { addPolicyVersion, currentPolicy, policyHistory } from './policy.service';
import { LicensingPolicy, LicensingPolicyInput } from './policy.type';

@Resolver(() => LicensingPolicy)
export class PolicyResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => LicensingPolicy, { description: 'The licensing rules in force today.' })
  licensingPolicy(@Ctx() ctx: SubgraphContext): Promise<LicensingPolicy> {
    return currentPolicy(ctx.em);
  }

  @Authorized(...MINISTRY_ROLES)
  @Query(() => [LicensingPolicy], { description: 'Every version of the licensing rules, newest first (at most 100).' })
  licensingPolicyHistory(@Ctx() ctx: SubgraphContext): Promise<LicensingPolicy[]> {
    return policyHistory(ctx.em);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => LicensingPolicy, { description: 'Adds a version of the licensing rules (ministry officers).' })
  updateLicensingPolicy(
    @Arg('input', () => LicensingPolicyInput, { description: 'The new rules and why.' }) input: LicensingPolicyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LicensingPolicy> {
    return addPolicyVersion(ctx.em, requireViewer(ctx), input);
  }
}
