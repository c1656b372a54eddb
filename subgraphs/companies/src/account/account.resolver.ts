import { ALL_ROLES, MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ExternalAgent } from '../agent/agent.type';
import { clientViewer } from '../api-client/api-client.service';
import { Company } from '../company/company.type';
import { ServiceProviderRef } from '../provider/provider.type';
import {
  AccountActionInput,
  AccountFilter,
  AddStaffInput,
  ChangePasswordInput,
  CreateAccountInput,
} from './account.inputs';
import {
  addStaff,
  changePassword,
  createAccount,
  disableAccount,
  enableAccount,
  listAccounts,
} from './account.service';
import { Account, AccountConnection, LoginInput, LoginPayload, Viewer } from './account.type';
import { currentAccount, isApiClientToken, login, type TokenService } from './auth.service';
import { agentOf, companyOf, providerOf } from './party';

export interface CompaniesContext extends SubgraphContext {
  tokens: TokenService;
  /** The caller's network address (first `x-forwarded-for` hop, else the socket), for sign-in throttling. */
  clientAddress: string | null;
}

@Resolver(() => Viewer)
export class AccountResolver {
  @Query(() => Viewer, {
    nullable: true,
    description:
      'The caller: the signed-in account, or the API client a client token was issued to. Null when the request carries no valid token, or the account was disabled or the client revoked.',
  })
  async me(@Ctx() ctx: CompaniesContext): Promise<Viewer | null> {
    if (!ctx.viewer) return null;
    return isApiClientToken(ctx.viewer)
      ? clientViewer(ctx.em, ctx.viewer.accountId)
      : currentAccount(ctx.em, ctx.viewer.accountId);
  }

  @Mutation(() => LoginPayload, {
    description:
      'Signs a person in with email and password. Failures are throttled per account and per client address. Fails with INVALID_CREDENTIALS, ACCOUNT_DISABLED or TOO_MANY_ATTEMPTS.',
  })
  async login(
    @Arg('input', () => LoginInput, { description: 'Email and password.' }) input: LoginInput,
    @Ctx() ctx: CompaniesContext,
  ): Promise<LoginPayload> {
    const { payload, claims } = await login(ctx.em, ctx.tokens, input, ctx.clientAddress);
    // The rest of this response (payload.viewer.company, …) is read as the account that just signed in.
    ctx.viewer = claims;
    return payload;
  }

  @FieldResolver(() => Company, {
    nullable: true,
    description: 'The company a manager (or a company’s API client) acts for.',
  })
  company(@Root() viewer: Viewer, @Ctx() ctx: CompaniesContext): Promise<Company | null> | null {
    return companyOf(viewer, ctx);
  }

  @FieldResolver(() => ExternalAgent, { nullable: true, description: 'The external agent an agent account acts for.' })
  agent(@Root() viewer: Viewer, @Ctx() ctx: CompaniesContext): Promise<ExternalAgent | null> | null {
    return agentOf(viewer, ctx);
  }

  @FieldResolver(() => ServiceProviderRef, {
    nullable: true,
    description: 'The service provider a provider account acts for.',
  })
  provider(@Root() viewer: Viewer): ServiceProviderRef | null {
    return providerOf(viewer);
  }
}

@Resolver(() => Account)
export class AccountsResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => AccountConnection, {
    description: 'Accounts, oldest first. The ministry sees all; a company manager sees their own company’s accounts.',
  })
  async accounts(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AccountFilter, { nullable: true, description: 'Conditions the accounts must meet.' })
    filter: AccountFilter | null,
    @Ctx() ctx: CompaniesContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof AccountConnection>> {
    return (await listAccounts(ctx.em, requireViewer(ctx), page, filter, info)) as InstanceType<
      typeof AccountConnection
    >;
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Account, {
    description:
      'Creates an account (ministry officers). Fails with EMAIL_TAKEN or WEAK_PASSWORD, or BAD_USER_INPUT when the role and the party ids do not match.',
  })
  createAccount(
    @Arg('input', () => CreateAccountInput, { description: 'The account and its first password.' })
    input: CreateAccountInput,
    @Ctx() ctx: CompaniesContext,
  ): Promise<Account> {
    return createAccount(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => Account, {
    description: 'Adds another manager account to the caller’s own company. Fails with EMAIL_TAKEN or WEAK_PASSWORD.',
  })
  addStaff(
    @Arg('input', () => AddStaffInput, { description: 'The new colleague and their first password.' })
    input: AddStaffInput,
    @Ctx() ctx: CompaniesContext,
  ): Promise<Account> {
    return addStaff(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.MINISTRY_OFFICER, Role.COMPANY_MANAGER)
  @Mutation(() => Account, {
    description:
      'Disables an account: it cannot sign in and its tokens are refused. Officers may disable anyone; a manager only staff of their own company, never themself. Fails with NOT_FOUND, ALREADY_DISABLED or CANNOT_DISABLE_SELF.',
  })
  disableAccount(
    @Arg('input', () => AccountActionInput, { description: 'The account and why.' }) input: AccountActionInput,
    @Ctx() ctx: CompaniesContext,
  ): Promise<Account> {
    return disableAccount(ctx.em, requireViewer(ctx), ctx.tokens, input);
  }

  @Authorized(Role.MINISTRY_OFFICER, Role.COMPANY_MANAGER)
  @Mutation(() => Account, {
    description:
      'Lets a disabled account sign in again (officers: anyone; a manager: staff of their own company). Tokens issued before it was disabled stay refused. Fails with NOT_FOUND or NOT_DISABLED.',
  })
  enableAccount(
    @Arg('input', () => AccountActionInput, { description: 'The account and why.' }) input: AccountActionInput,
    @Ctx() ctx: CompaniesContext,
  ): Promise<Account> {
    return enableAccount(ctx.em, requireViewer(ctx), ctx.tokens, input);
  }

  // A person's own credential, not industry data: supervisors may change their password too.
  @Authorized(...ALL_ROLES)
  @Mutation(() => Account, {
    description:
      'Changes the signed-in person’s password. Fails with WRONG_PASSWORD (counted like a failed sign-in), WEAK_PASSWORD or TOO_MANY_ATTEMPTS.',
  })
  changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'The current and the new password.' })
    input: ChangePasswordInput,
    @Ctx() ctx: CompaniesContext,
  ): Promise<Account> {
    return changePassword(ctx.em, requireViewer(ctx), ctx.tokens, input);
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The company of a manager account.' })
  company(@Root() account: Account, @Ctx() ctx: CompaniesContext): Promise<Company | null> | null {
    return companyOf(account, ctx);
  }

  @FieldResolver(() => ExternalAgent, { nullable: true, description: 'The external agent of an agent account.' })
  agent(@Root() account: Account, @Ctx() ctx: CompaniesContext): Promise<ExternalAgent | null> | null {
    return agentOf(account, ctx);
  }

  @FieldResolver(() => ServiceProviderRef, {
    nullable: true,
    description: 'The service provider of a provider account.',
  })
  provider(@Root() account: Account): ServiceProviderRef | null {
    return providerOf(account);
  }
}
