import { ALL_ROLES, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Company } from '../company/company.type';
import { SetCompanyVisaQuotaInput, UpdateSeasonPolicyInput } from './season.inputs';
import {
  currentSeason,
  listSeasons,
  policyHistories,
  setCompanyVisaQuota,
  shownPolicies,
  updateSeasonPolicy,
  visaQuotasOf,
} from './season.service';
import { CompanyVisaQuota, Season, SeasonPolicy } from './season.type';

@Resolver(() => Season)
export class SeasonResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => [Season], { description: 'Every Umrah season, newest Hijri year first.' })
  seasons(@Ctx() ctx: SubgraphContext): Promise<Season[]> {
    return listSeasons(ctx.em);
  }

  @Authorized(...ALL_ROLES)
  @Query(() => Season, {
    nullable: true,
    description:
      'The season whose issuance-to-last-departure window contains today (in the Kingdom); else the latest season. Null only when no season exists.',
  })
  currentSeason(@Ctx() ctx: SubgraphContext): Promise<Season | null> {
    return currentSeason(ctx.em);
  }

  @FieldResolver(() => SeasonPolicy, {
    description:
      'The dates and rules in force now (for a season whose first version is not yet effective, that version).',
  })
  policy(@Root() season: Season, @Ctx() ctx: SubgraphContext): Promise<SeasonPolicy> {
    return ctx.loaders
      .get<string, SeasonPolicy>('Season.policy', (ids) => shownPolicies(ctx.em, ctx.viewer, ids))
      .load(season.id);
  }

  @FieldResolver(() => [SeasonPolicy], {
    description: 'Every version of the season’s dates and rules, newest first; empty unless you are the ministry.',
  })
  policyHistory(@Root() season: Season, @Ctx() ctx: SubgraphContext): Promise<SeasonPolicy[]> {
    return ctx.loaders
      .get<string, SeasonPolicy[]>('Season.policyHistory', (ids) => policyHistories(ctx.em, ctx.viewer, ids))
      .load(season.id);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => SeasonPolicy, {
    description: 'Adds a version of a season’s dates and rules (ministry officers); earlier versions are kept.',
  })
  updateSeasonPolicy(
    @Arg('input', () => UpdateSeasonPolicyInput, { description: 'The season, the changed rules and why.' })
    input: UpdateSeasonPolicyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SeasonPolicy> {
    return updateSeasonPolicy(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => CompanyVisaQuota, {
    description: 'Sets a company’s own visa quota for a season (ministry officers); it replaces the season’s default.',
  })
  setCompanyVisaQuota(
    @Arg('input', () => SetCompanyVisaQuotaInput, { description: 'The season, the company, its quota and why.' })
    input: SetCompanyVisaQuotaInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CompanyVisaQuota> {
    return setCompanyVisaQuota(ctx.em, requireViewer(ctx), input);
  }
}

@Resolver(() => Company)
export class CompanyVisaQuotaResolver {
  @FieldResolver(() => CompanyVisaQuota, {
    nullable: true,
    description:
      'How many visas the company may be issued in a season; null unless you are the ministry or a manager of this company.',
  })
  visaQuota(
    @Root() company: Company,
    @Arg('hijriYear', () => String, {
      nullable: true,
      description: 'Hijri year of the season; the current season when left out.',
    })
    hijriYear: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CompanyVisaQuota | null> {
    const year = hijriYear ?? undefined;
    return ctx.loaders
      .get<string, CompanyVisaQuota | null>(`Company.visaQuota:${year ?? ''}`, (ids) =>
        visaQuotasOf(ctx.em, ctx.viewer, ids, year),
      )
      .load(company.id);
  }
}
