import { ALL_ROLES, MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { companiesByIds, listCompanies } from './company.service';
import { Company, CompanyConnection, CompanyFilter } from './company.type';

@Resolver(() => Company)
export class CompanyResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => CompanyConnection, {
    description:
      'Licensed companies, oldest first. The ministry sees all; a company manager sees only their own company.',
  })
  async companies(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CompanyFilter, { nullable: true, description: 'Conditions the companies must meet.' })
    filter: CompanyFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof CompanyConnection>> {
    return (await listCompanies(ctx.em, requireViewer(ctx), page, filter, info)) as InstanceType<
      typeof CompanyConnection
    >;
  }

  @Authorized(...ALL_ROLES)
  @Query(() => Company, { nullable: true, description: 'One company by id, or null when there is no such company.' })
  async company(
    @Arg('id', () => ID, { description: 'The company’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Company | null> {
    const [company] = await companiesByIds(ctx.em, ctx.viewer, [id]);
    return company ?? null;
  }
}
