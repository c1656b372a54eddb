import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { listPackages } from './service-package.service';
import { ServicePackage, ServicePackageConnection } from './service-package.type';

@Resolver(() => ServicePackage)
export class ServicePackageResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => ServicePackageConnection, {
    description:
      'Service packages, oldest first. The ministry sees every company’s packages; a company manager only their own.',
  })
  async servicePackages(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ServicePackageConnection>> {
    return (await listPackages(ctx.em, requireViewer(ctx), page, info)) as InstanceType<
      typeof ServicePackageConnection
    >;
  }
}
