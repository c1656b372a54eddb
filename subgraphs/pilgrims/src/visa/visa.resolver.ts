import type { SubgraphContext } from '@umrah/subgraph-kit';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { pilgrimLoader } from '../pilgrim/pilgrim.loaders';
import { Pilgrim } from '../pilgrim/pilgrim.type';
import { visaCountsByNationality, visaCountsByStatus } from './visa.service';
import { NationalityCount, VisaApplication, VisaStats, VisaStatusCount } from './visa.type';

@Resolver(() => VisaApplication)
export class VisaApplicationResolver {
  @FieldResolver(() => Pilgrim, { description: 'The pilgrim the application is for.' })
  async pilgrim(@Root() visa: VisaApplication, @Ctx() ctx: SubgraphContext): Promise<Pilgrim | null> {
    return pilgrimLoader(ctx).load(visa.pilgrimId);
  }
}

// Each count is loaded only when selected, for all companies of the response in one grouped statement.
@Resolver(() => VisaStats)
export class VisaStatsResolver {
  @FieldResolver(() => Int)
  async total(@Root() stats: VisaStats, @Ctx() ctx: SubgraphContext): Promise<number> {
    const byStatus = await this.byStatus(stats, ctx);
    return byStatus.reduce((sum, s) => sum + s.count, 0);
  }

  @FieldResolver(() => [VisaStatusCount])
  byStatus(@Root() stats: VisaStats, @Ctx() ctx: SubgraphContext): Promise<VisaStatusCount[]> {
    return ctx.loaders
      .get<string, VisaStatusCount[]>('VisaStats.byStatus', (ids) => visaCountsByStatus(ctx.em, ids))
      .load(stats.companyId);
  }

  @FieldResolver(() => [NationalityCount])
  byNationality(@Root() stats: VisaStats, @Ctx() ctx: SubgraphContext): Promise<NationalityCount[]> {
    return ctx.loaders
      .get<string, NationalityCount[]>('VisaStats.byNationality', (ids) => visaCountsByNationality(ctx.em, ids))
      .load(stats.companyId);
  }
}
