import { ALL_ROLES, MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Company } from '../company/company.type';
import { providersByIds } from '../provider/provider.service';
import { ServiceProvider } from '../provider/provider.type';
import { complianceOf, complianceRanking, currentPolicy, updateCompliancePolicy } from './compliance.service';
import {
  CompliancePolicy,
  ComplianceRecord,
  ComplianceRecordConnection,
  PartyKind,
  RankingOrder,
  UpdateCompliancePolicyInput,
} from './compliance.type';

/** One loader per party kind, so every company (or provider) of a response shares one statement. */
function recordLoader(ctx: SubgraphContext, kind: PartyKind) {
  return ctx.loaders.get<string, ComplianceRecord | null>(`compliance:${kind}`, (ids) =>
    complianceOf(ctx.em, ctx.viewer, kind, ids),
  );
}

@Resolver(() => Company)
export class CompanyComplianceResolver {
  @FieldResolver(() => ComplianceRecord, {
    nullable: true,
    description:
      'The company’s compliance record and score (violations, complaints, overstay rate, SLA breaches); null unless you are the ministry or a manager of this company.',
  })
  compliance(@Root() company: Company, @Ctx() ctx: SubgraphContext): Promise<ComplianceRecord | null> {
    return recordLoader(ctx, PartyKind.COMPANY).load(company.id);
  }
}

@Resolver(() => ServiceProvider)
export class ProviderComplianceResolver {
  @FieldResolver(() => ComplianceRecord, {
    nullable: true,
    description:
      'The provider’s compliance record and score (violations, complaints, SLA breaches); null unless you are the ministry or this provider.',
  })
  compliance(@Root() provider: ServiceProvider, @Ctx() ctx: SubgraphContext): Promise<ComplianceRecord | null> {
    return recordLoader(ctx, PartyKind.PROVIDER).load(provider.id);
  }
}

@Resolver(() => ComplianceRecord)
export class ComplianceResolver {
  @Authorized(...MINISTRY_ROLES)
  @Query(() => ComplianceRecordConnection, {
    description:
      'The ministry’s compliance ranking of companies or of providers by score (see `ComplianceRecord.score`), worst first unless asked otherwise. It lists the parties the compliance record knows: those with a visa issued, a complaint or a violation counted; any other party has the full score of 100.',
  })
  async complianceRanking(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('party', () => PartyKind, {
      defaultValue: PartyKind.COMPANY,
      description: 'Rank companies or providers.',
    })
    party: PartyKind,
    @Arg('order', () => RankingOrder, {
      defaultValue: RankingOrder.WORST_FIRST,
      description: 'Which end of the ranking comes first.',
    })
    order: RankingOrder,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ComplianceRecordConnection> {
    return complianceRanking(ctx.em, requireViewer(ctx), party, order, page, info);
  }

  @Authorized(...ALL_ROLES)
  @Query(() => CompliancePolicy, {
    description: 'The compliance rules in force: the cure period and the SLA of each complaint category.',
  })
  compliancePolicy(@Ctx() ctx: SubgraphContext): Promise<CompliancePolicy> {
    requireViewer(ctx);
    return currentPolicy(ctx.em);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => CompliancePolicy, {
    description:
      'Writes a new version of the compliance rules (ministry officers): the cure period and SLAs apply to violations recorded and complaints filed from now on; existing ones keep theirs. CONFLICT when another officer changed them at the same moment.',
  })
  updateCompliancePolicy(
    @Arg('input', () => UpdateCompliancePolicyInput, { description: 'What changes, and why.' })
    input: UpdateCompliancePolicyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CompliancePolicy> {
    return updateCompliancePolicy(ctx.em, requireViewer(ctx), input);
  }

  @FieldResolver(() => ServiceProvider, {
    nullable: true,
    description: 'The provider, for a provider’s record; null for a company’s.',
  })
  async provider(@Root() record: ComplianceRecord, @Ctx() ctx: SubgraphContext): Promise<ServiceProvider | null> {
    if (!record.providerId) return null;
    const loader = ctx.loaders.get<string, ServiceProvider | null>('ServiceProvider.byId', (ids) =>
      providersByIds(ctx.em, ctx.viewer, ids),
    );
    return loader.load(record.providerId);
  }
}
