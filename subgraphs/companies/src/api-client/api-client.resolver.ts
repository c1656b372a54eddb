import { ALL_ROLES, PageArgs, Role, requireViewer } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CompaniesContext } from '../account/account.resolver';
import { agentOf, companyOf, providerOf } from '../account/party';
import { ExternalAgent } from '../agent/agent.type';
import { Company } from '../company/company.type';
import { ServiceProviderRef } from '../provider/provider.type';
import { ClientCredentialsInput, CreateApiClientInput, RevokeApiClientInput } from './api-client.inputs';
import {
  createApiClient,
  exchangeClientCredentials,
  listApiClients,
  revokeApiClient,
  rotateApiClientSecret,
} from './api-client.service';
import { ApiClient, ApiClientConnection, ApiClientSecretPayload, ClientCredentialsPayload } from './api-client.type';

const PARTIES = [Role.COMPANY_MANAGER, Role.AGENT, Role.PROVIDER] as const;

@Resolver(() => ApiClient)
export class ApiClientResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => ApiClientConnection, {
    description:
      'API clients, oldest first: a company, agent or provider sees only its own; the ministry sees all. Secrets are never shown here.',
  })
  async apiClients(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CompaniesContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ApiClientConnection>> {
    return (await listApiClients(ctx.em, requireViewer(ctx), page, info)) as InstanceType<typeof ApiClientConnection>;
  }

  @Authorized(...PARTIES)
  @Mutation(() => ApiClientSecretPayload, {
    description:
      'Creates an API client for the caller’s company, agent or provider. The secret is in this response only.',
  })
  createApiClient(
    @Arg('input', () => CreateApiClientInput, { description: 'Name and scopes.' }) input: CreateApiClientInput,
    @Ctx() ctx: CompaniesContext,
  ): Promise<ApiClientSecretPayload> {
    return createApiClient(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(...PARTIES)
  @Mutation(() => ApiClientSecretPayload, {
    description:
      'Replaces a client’s secret: the old one stops working at once, and so do tokens issued before. The new secret is in this response only. Fails with NOT_FOUND or ALREADY_REVOKED.',
  })
  rotateApiClientSecret(
    @Arg('id', () => ID, { description: 'The client’s id (`ApiClient.id`).' }) id: string,
    @Ctx() ctx: CompaniesContext,
  ): Promise<ApiClientSecretPayload> {
    return rotateApiClientSecret(ctx.em, requireViewer(ctx), ctx.tokens, id);
  }

  @Authorized(Role.MINISTRY_OFFICER, ...PARTIES)
  @Mutation(() => ApiClient, {
    description:
      'Revokes an API client for good: its secret and tokens are refused. The owner, or a ministry officer. Fails with NOT_FOUND or ALREADY_REVOKED.',
  })
  revokeApiClient(
    @Arg('input', () => RevokeApiClientInput, { description: 'The client and why.' }) input: RevokeApiClientInput,
    @Ctx() ctx: CompaniesContext,
  ): Promise<ApiClient> {
    return revokeApiClient(ctx.em, requireViewer(ctx), ctx.tokens, input);
  }

  @Mutation(() => ClientCredentialsPayload, {
    description:
      'Exchanges an API client’s id and secret for a short-lived access token carrying its party’s role and slice and the client’s scopes (OAuth 2.0 client-credentials style). Fails with INVALID_CLIENT or TOO_MANY_ATTEMPTS.',
  })
  clientCredentialsToken(
    @Arg('input', () => ClientCredentialsInput, { description: 'Client id and secret.' }) input: ClientCredentialsInput,
    @Ctx() ctx: CompaniesContext,
  ): Promise<ClientCredentialsPayload> {
    return exchangeClientCredentials(ctx.em, ctx.tokens, input);
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The company that owns the client, if a company does.' })
  company(@Root() client: ApiClient, @Ctx() ctx: CompaniesContext): Promise<Company | null> | null {
    return companyOf(client, ctx);
  }

  @FieldResolver(() => ExternalAgent, {
    nullable: true,
    description: 'The external agent that owns the client, if one does.',
  })
  agent(@Root() client: ApiClient, @Ctx() ctx: CompaniesContext): Promise<ExternalAgent | null> | null {
    return agentOf(client, ctx);
  }

  @FieldResolver(() => ServiceProviderRef, {
    nullable: true,
    description: 'The service provider that owns the client, if one does.',
  })
  provider(@Root() client: ApiClient): ServiceProviderRef | null {
    return providerOf(client);
  }
}
