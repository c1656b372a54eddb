import { PageArgs, selects, type Page, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { packagesOfCompanies } from '../service-package/service-package.service';
import type { ServicePackage } from '../service-package/service-package.type';
import { ServicePackageConnection } from '../service-package/service-package.type';
import { Company } from './company.type';

@Resolver(() => Company)
export class CompanyPackagesResolver {
  @FieldResolver(() => ServicePackageConnection, {
    nullable: true,
    description:
      'The company’s service packages, oldest first; null unless you are the ministry or a manager of this company.',
  })
  async packages(
    @Root() company: Company,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ServicePackageConnection> | null> {
    const withCount = selects(info, 'totalCount');
    // One loader per page shape, so every company in this response shares one batch.
    const loader = ctx.loaders.get<string, Page<ServicePackage> | null>(
      `Company.packages:${page.first}:${page.after ?? ''}:${withCount}`,
      (ids) => packagesOfCompanies(ctx.em, ctx.viewer, ids, page, withCount),
    );
    return (await loader.load(company.id)) as InstanceType<typeof ServicePackageConnection> | null;
  }
}
