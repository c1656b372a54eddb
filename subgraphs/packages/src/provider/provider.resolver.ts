import { ALL_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { RegisterServiceProviderInput, ServiceProviderFilter } from './provider.inputs';
import { listProviders, providersByIds, registerProvider } from './provider.service';
import { ServiceProvider, ServiceProviderConnection } from './provider.type';

@Resolver(() => ServiceProvider)
export class ServiceProviderResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => ServiceProviderConnection, {
    description:
      'The Maqam registry of service providers, oldest first, optionally by kind and city. Readable by every signed-in party.',
  })
  async serviceProviders(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ServiceProviderFilter, {
      nullable: true,
      description: 'Conditions the providers must meet.',
    })
    filter: ServiceProviderFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ServiceProviderConnection>> {
    return (await listProviders(ctx.em, requireViewer(ctx), page, filter, info)) as InstanceType<
      typeof ServiceProviderConnection
    >;
  }

  @Authorized(...ALL_ROLES)
  @Query(() => ServiceProvider, {
    nullable: true,
    description: 'One service provider by id, or null when there is no such provider.',
  })
  async serviceProvider(
    @Arg('id', () => ID, { description: 'The provider’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceProvider | null> {
    const [provider] = await providersByIds(ctx.em, ctx.viewer, [id]);
    return provider ?? null;
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => ServiceProvider, {
    description:
      'Enters a licensed service provider in the Maqam registry (ministry officers). Its accounts are then opened with the PROVIDER role. Fails with PROVIDER_LICENCE_TAKEN when the licence number is already registered.',
  })
  registerServiceProvider(
    @Arg('input', () => RegisterServiceProviderInput, { description: 'The provider’s registry entry.' })
    input: RegisterServiceProviderInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceProvider> {
    requireViewer(ctx);
    return registerProvider(ctx.em, input);
  }
}
