import type { SubgraphContext } from '@umrah/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agentsByIds } from '../agent/agent.service';
import { ExternalAgent } from '../agent/agent.type';
import { companiesByIds } from '../company/company.service';
import { Company } from '../company/company.type';
import { ServiceProviderRef } from '../provider/provider.type';
import { LoginInput, LoginPayload, Viewer } from './account.type';
import { currentAccount, login, type TokenService } from './auth.service';

export interface CompaniesContext extends SubgraphContext {
  tokens: TokenService;
}

@Resolver(() => Viewer)
export class AccountResolver {
  @Query(() => Viewer, {
    nullable: true,
    description: 'The signed-in account, or null when the request carries no valid token.',
  })
  async me(@Ctx() ctx: CompaniesContext): Promise<Viewer | null> {
    return ctx.viewer ? currentAccount(ctx.em, ctx.viewer.accountId) : null;
  }

  @Mutation(() => LoginPayload, {
    description:
      'Signs a person in with email and password. Fails with INVALID_CREDENTIALS, ACCOUNT_DISABLED or TOO_MANY_ATTEMPTS.',
  })
  async login(
    @Arg('input', () => LoginInput, { description: 'Email and password.' }) input: LoginInput,
    @Ctx() ctx: CompaniesContext,
  ): Promise<LoginPayload> {
    const { payload, claims } = await login(ctx.em, ctx.tokens, input);
    // The rest of this response (payload.viewer.company, …) is read as the account that just signed in.
    ctx.viewer = claims;
    return payload;
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The company a manager works for.' })
  async company(@Root() viewer: Viewer, @Ctx() ctx: CompaniesContext): Promise<Company | null> {
    if (!viewer.companyId) return null;
    return ctx.loaders
      .get<string, Company | null>('company', (ids) => companiesByIds(ctx.em, ctx.viewer, ids))
      .load(viewer.companyId);
  }

  @FieldResolver(() => ExternalAgent, { nullable: true, description: 'The external agent an agent account acts for.' })
  async agent(@Root() viewer: Viewer, @Ctx() ctx: CompaniesContext): Promise<ExternalAgent | null> {
    if (!viewer.agentId) return null;
    return ctx.loaders
      .get<string, ExternalAgent | null>('agent', (ids) => agentsByIds(ctx.em, ctx.viewer, ids))
      .load(viewer.agentId);
  }

  @FieldResolver(() => ServiceProviderRef, {
    nullable: true,
    description: 'The service provider a provider account acts for.',
  })
  provider(@Root() viewer: Viewer): ServiceProviderRef | null {
    return viewer.providerId ? Object.assign(new ServiceProviderRef(), { id: viewer.providerId }) : null;
  }
}
