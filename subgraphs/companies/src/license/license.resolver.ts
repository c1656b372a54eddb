import { Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { loadActor } from '../audit/actor.service';
import { toCompany } from '../company/company.service';
import { Company } from '../company/company.type';
import { canSeeLicenseHistory, decideLicense, historiesByLicenseIds } from './license.service';
import { License, LicenseAction, LicenseActionInput, LicenseStatusChange, SuspendLicenseInput } from './license.type';

const TRANSITION_NOTE = 'Fails with INVALID_LICENSE_TRANSITION when the licence’s status does not allow it.';

@Resolver(() => License)
export class LicenseResolver {
  @FieldResolver(() => [LicenseStatusChange], {
    description:
      'Every status change of this licence, oldest first: who, when, what and why. Readable by the ministry and the company’s own managers; empty for anyone else.',
  })
  history(@Root() license: License, @Ctx() ctx: SubgraphContext): Promise<LicenseStatusChange[]> {
    if (!canSeeLicenseHistory(ctx.viewer, license.companyId)) return Promise.resolve([]);
    return ctx.loaders
      .get<string, LicenseStatusChange[]>('licenseHistory', (ids) => historiesByLicenseIds(ctx.em, ids))
      .load(license.id);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Company, {
    description: `Suspends a company’s active licence for a cure period, with a reason (ministry officers). ${TRANSITION_NOTE}`,
  })
  async suspendLicense(
    @Arg('input', () => SuspendLicenseInput, { description: 'The company, the reason and the cure period.' })
    input: SuspendLicenseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Company> {
    return toCompany(await decideLicense(ctx.em, requireViewer(ctx), LicenseAction.SUSPEND, input));
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Company, {
    description: `Lifts a suspension: the licence is in force again (ministry officers). ${TRANSITION_NOTE}`,
  })
  async reinstateLicense(
    @Arg('input', () => LicenseActionInput, { description: 'The company and the reason.' })
    input: LicenseActionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Company> {
    return toCompany(await decideLicense(ctx.em, requireViewer(ctx), LicenseAction.REINSTATE, input));
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Company, {
    description: `Cancels a licence for good, whether active, suspended or expired (ministry officers). ${TRANSITION_NOTE}`,
  })
  async revokeLicense(
    @Arg('input', () => LicenseActionInput, { description: 'The company and the reason.' })
    input: LicenseActionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Company> {
    return toCompany(await decideLicense(ctx.em, requireViewer(ctx), LicenseAction.REVOKE, input));
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Company, {
    description: `Renews an active or expired licence by the policy’s licence term, counted from its expiry or from today, whichever is later (ministry officers). ${TRANSITION_NOTE}`,
  })
  async renewLicense(
    @Arg('input', () => LicenseActionInput, { description: 'The company and the reason.' })
    input: LicenseActionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Company> {
    return toCompany(await decideLicense(ctx.em, requireViewer(ctx), LicenseAction.RENEW, input));
  }
}

@Resolver(() => LicenseStatusChange)
export class LicenseStatusChangeResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Display name of the account that made the change; null when recorded by the system.',
  })
  async actorName(@Root() change: LicenseStatusChange, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return (await loadActor(ctx, change.actorAccountId))?.displayName ?? null;
  }

  @FieldResolver(() => Role, {
    nullable: true,
    description: 'Role of the account that made the change; null when recorded by the system.',
  })
  async actorRole(@Root() change: LicenseStatusChange, @Ctx() ctx: SubgraphContext): Promise<Role | null> {
    return (await loadActor(ctx, change.actorAccountId))?.role ?? null;
  }
}
