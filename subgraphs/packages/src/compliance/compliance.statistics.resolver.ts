import { MINISTRY_ROLES, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { providersByIds } from '../provider/provider.service';
import { ServiceProvider } from '../provider/provider.type';
import { complianceStatistics, complianceTrend, monthRange, statisticsScope } from './compliance.statistics';
import { ComplianceStatistics, ComplianceTrend } from './compliance.statistics.type';
import { PartyKind } from './compliance.type';

const READERS = [...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.PROVIDER];
const FROM = {
  nullable: true,
  description: 'First month, `YYYY-MM` (Riyadh); eleven months before `toMonth` when left out.',
};
const TO = {
  nullable: true,
  description: 'Last month, `YYYY-MM` (Riyadh), included; the current month when left out. At most 36 months in all.',
};
const COMPANY = {
  nullable: true,
  description:
    'Limit the figures to one company (the ministry; a manager may name only their own, another reads as null).',
};
const PROVIDER = {
  nullable: true,
  description: 'Limit the figures to one provider (the ministry; a provider may name only itself).',
};
const PARTY = {
  nullable: true,
  description:
    'For the ministry without a company or provider: all companies (the default) or all providers. Ignored otherwise.',
};

function providerLoader(ctx: SubgraphContext) {
  return ctx.loaders.get<string, ServiceProvider | null>('ServiceProvider.byId', (ids) =>
    providersByIds(ctx.em, ctx.viewer, ids),
  );
}

@Resolver(() => ComplianceStatistics)
export class ComplianceStatisticsResolver {
  @Authorized(...READERS)
  @Query(() => ComplianceStatistics, {
    nullable: true,
    description:
      'Compliance figures of a range of months: complaints by status and category, SLA breaches, violations by type and by status with their fines, inspections. The ministry for all companies, all providers or one; a company manager for their own company; a provider for itself. Another party’s reads as null.',
  })
  complianceStatistics(
    @Arg('fromMonth', () => String, FROM) fromMonth: string | null,
    @Arg('toMonth', () => String, TO) toMonth: string | null,
    @Arg('companyId', () => ID, COMPANY) companyId: string | null,
    @Arg('providerId', () => ID, PROVIDER) providerId: string | null,
    @Arg('party', () => PartyKind, PARTY) party: PartyKind | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplianceStatistics | null> | null {
    const range = monthRange(fromMonth, toMonth);
    const scope = statisticsScope(requireViewer(ctx), { companyId, providerId, party });
    return scope ? complianceStatistics(ctx.em, scope, range) : null;
  }

  @FieldResolver(() => ServiceProvider, {
    nullable: true,
    description: 'The provider the figures are limited to; null otherwise.',
  })
  provider(@Root() stats: ComplianceStatistics, @Ctx() ctx: SubgraphContext): Promise<ServiceProvider | null> | null {
    return stats.providerId ? providerLoader(ctx).load(stats.providerId) : null;
  }
}

@Resolver(() => ComplianceTrend)
export class ComplianceTrendResolver {
  @Authorized(...READERS)
  @Query(() => ComplianceTrend, {
    nullable: true,
    description:
      'The compliance score and its inputs month by month (violations, complaints, SLA breaches, overstays, visas issued), so a supervisor sees whether a company improves. Same readers as `complianceStatistics`; another party’s reads as null.',
  })
  complianceTrend(
    @Arg('fromMonth', () => String, FROM) fromMonth: string | null,
    @Arg('toMonth', () => String, TO) toMonth: string | null,
    @Arg('companyId', () => ID, COMPANY) companyId: string | null,
    @Arg('providerId', () => ID, PROVIDER) providerId: string | null,
    @Arg('party', () => PartyKind, PARTY) party: PartyKind | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplianceTrend | null> | null {
    const range = monthRange(fromMonth, toMonth);
    const scope = statisticsScope(requireViewer(ctx), { companyId, providerId, party });
    return scope ? complianceTrend(ctx.em, scope, range) : null;
  }

  @FieldResolver(() => ServiceProvider, {
    nullable: true,
    description: 'The provider the trend is limited to; null otherwise.',
  })
  provider(@Root() trend: ComplianceTrend, @Ctx() ctx: SubgraphContext): Promise<ServiceProvider | null> | null {
    return trend.providerId ? providerLoader(ctx).load(trend.providerId) : null;
  }
}
