import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { listProviders, providersByIds } from './provider.service';
import { ServiceProvider, ServiceProviderConnection } from './provider.type';

@Resolver(() => ServiceProvider)
export class ServiceProviderResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.PROVIDER)
  @Query(() => ServiceProviderConnection, {
    description:
      'Registered service providers, oldest first. The ministry and company managers see the whole registry; a provider sees only its own entry.',
  })
  async serviceProviders(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ServiceProviderConnection>> {
    return (await listProviders(ctx.em, requireViewer(ctx), page, info)) as InstanceType<
      typeof ServiceProviderConnection
    >;
  }

  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.PROVIDER)
  @Query(() => ServiceProvider, {
    nullable: true,
    description: 'One service provider by id, or null when there is no such provider or it is not yours to see.',
  })
  async serviceProvider(
    @Arg('id', () => ID, { description: 'The provider’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceProvider | null> {
    const [provider] = await providersByIds(ctx.em, ctx.viewer, [id]);
    return provider ?? null;
  }
}
