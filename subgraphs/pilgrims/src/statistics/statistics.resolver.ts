import { DateScalar, MINISTRY_ROLES, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { NationalityCount, VisaStatus, VisaStatusCount } from '../visa/visa.type';
import {
  countByCompany,
  countByDay,
  countByNationality,
  countByStatus,
  inKingdom,
  overstays,
  statisticsRows,
  visaStatistics,
  type StatRow,
  type StatisticsRows,
} from './statistics.service';
import { CompanyVisaCount, VisaDayCount, VisaStatistics } from './statistics.type';

@Resolver(() => VisaStatistics)
export class VisaStatisticsResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => VisaStatistics, {
    nullable: true,
    description:
      'Visa statistics of a season: the ministry for all companies or one, a company manager for their own company only (another company reads as null).',
  })
  async visaStatistics(
    @Arg('season', () => String, { nullable: true, description: 'Hijri year; the current season when left out.' })
    season: string | null,
    @Arg('companyId', () => ID, { nullable: true, description: 'Limit the figures to one company.' })
    companyId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VisaStatistics | null> {
    return visaStatistics(ctx.em, requireViewer(ctx), season, companyId);
  }

  // The aggregate rows are read once per statistics object, whichever fields are asked for.
  private async rows(stats: VisaStatistics, ctx: SubgraphContext): Promise<StatRow[]> {
    return (await this.grouped(stats, ctx)).all;
  }

  private grouped(stats: VisaStatistics, ctx: SubgraphContext): Promise<StatisticsRows> {
    return ctx.loaders
      .get<string, StatisticsRows>('VisaStatistics.rows', (keys) =>
        Promise.all(
          keys.map((key) => {
            const [season, company] = key.split(':');
            return statisticsRows(ctx.em, season!, company || null);
          }),
        ),
      )
      .load(`${stats.season}:${stats.companyId ?? ''}`);
  }

  @FieldResolver(() => Int)
  async total(@Root() stats: VisaStatistics, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await this.rows(stats, ctx)).reduce((sum, r) => sum + r.n, 0);
  }

  @FieldResolver(() => [VisaStatusCount])
  async byStatus(@Root() stats: VisaStatistics, @Ctx() ctx: SubgraphContext): Promise<VisaStatusCount[]> {
    return countByStatus(await this.rows(stats, ctx));
  }

  @FieldResolver(() => [NationalityCount])
  async byNationality(@Root() stats: VisaStatistics, @Ctx() ctx: SubgraphContext): Promise<NationalityCount[]> {
    return countByNationality((await this.grouped(stats, ctx)).nationalities);
  }

  @FieldResolver(() => Int)
  async inKingdomNow(@Root() stats: VisaStatistics, @Ctx() ctx: SubgraphContext): Promise<number> {
    return inKingdom(await this.rows(stats, ctx));
  }

  @FieldResolver(() => Int)
  async overstays(@Root() stats: VisaStatistics, @Ctx() ctx: SubgraphContext): Promise<number> {
    return overstays(await this.rows(stats, ctx));
  }

  @FieldResolver(() => [CompanyVisaCount], {
    description: 'Figures per company, most applications first (only the own company for a manager).',
  })
  async byCompany(@Root() stats: VisaStatistics, @Ctx() ctx: SubgraphContext): Promise<CompanyVisaCount[]> {
    return countByCompany(await this.rows(stats, ctx));
  }

  @FieldResolver(() => [VisaDayCount], {
    description: 'Applications reaching each status per day (submitted, issued, arrived…), oldest day first.',
  })
  byDay(
    @Root() stats: VisaStatistics,
    @Arg('from', () => DateScalar, { description: 'First day of the range.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day of the range (at most 400 days after `from`).' }) to: string,
    @Arg('statuses', () => [VisaStatus], { nullable: true, description: 'Only these statuses; all when left out.' })
    statuses: VisaStatus[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VisaDayCount[]> {
    return countByDay(ctx.em, stats, from, to, statuses);
  }
}
