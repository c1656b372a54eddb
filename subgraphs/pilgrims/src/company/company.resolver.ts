import { PageArgs, selects, type Page, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { primePilgrims } from '../pilgrim/pilgrim.loaders';
import { pilgrimsOfCompanies } from '../pilgrim/pilgrim.service';
import { PilgrimConnection, type Pilgrim } from '../pilgrim/pilgrim.type';
import { visaStatsOf } from '../visa/visa.service';
import { VisaStats } from '../visa/visa.type';
import { Company } from './company.type';

@Resolver(() => Company)
export class CompanyPilgrimsResolver {
  @FieldResolver(() => PilgrimConnection, {
    nullable: true,
    description:
      'The company’s pilgrims, oldest registration first; null unless you are the ministry or a manager of this company.',
  })
  async pilgrims(
    @Root() company: Company,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof PilgrimConnection> | null> {
    const withCount = selects(info, 'totalCount');
    // One loader per page shape, so every company in this response shares one batch.
    const loader = ctx.loaders.get<string, Page<Pilgrim> | null>(
      `Company.pilgrims:${page.first}:${page.after ?? ''}:${withCount}`,
      (ids) => pilgrimsOfCompanies(ctx.em, ctx.viewer, ids, page, withCount),
    );
    const result = await loader.load(company.id);
    if (result)
      primePilgrims(
        ctx,
        result.edges.map((e) => e.node),
      );
    return result as InstanceType<typeof PilgrimConnection> | null;
  }

  @FieldResolver(() => VisaStats, {
    nullable: true,
    description:
      'The company’s visa applications counted by status and nationality; null unless you are the ministry or a manager of this company.',
  })
  visaStats(@Root() company: Company, @Ctx() ctx: SubgraphContext): VisaStats | null {
    return visaStatsOf(ctx.viewer, company.id);
  }
}
