import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { complaintsByIds } from '../complaint/complaint.service';
import { Complaint } from '../complaint/complaint.type';
import { inspectionsByIds } from '../inspection/inspection.service';
import { Inspection } from '../inspection/inspection.type';
import { providersByIds } from '../provider/provider.service';
import { ServiceProvider } from '../provider/provider.type';
import { RecordViolationInput, ViolationFilter } from './violation.inputs';
import {
  changeViolationStatus,
  listViolations,
  recordViolation,
  violationHistories,
  violationsByIds,
} from './violation.service';
import { Violation, ViolationConnection, ViolationStatus, ViolationStatusChange } from './violation.type';

const READERS = [...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.PROVIDER];
const ID_ARG = { description: 'The violation’s id.' };
const NOTE_ARG = { description: 'The officer’s note, 3 to 2,000 characters.' };

@Resolver(() => Violation)
export class ViolationResolver {
  @Authorized(...READERS)
  @Query(() => ViolationConnection, {
    description:
      'Violations, oldest first. The ministry sees all (supervisors read-only); a company manager the company’s; a provider its own.',
  })
  async violations(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ViolationFilter, { nullable: true, description: 'Conditions the violations must meet.' })
    filter: ViolationFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ViolationConnection>> {
    return (await listViolations(ctx.em, requireViewer(ctx), page, filter, info)) as InstanceType<
      typeof ViolationConnection
    >;
  }

  @Authorized(...READERS)
  @Query(() => Violation, {
    nullable: true,
    description: 'One violation by id, or null when there is none you may see.',
  })
  async violation(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: SubgraphContext): Promise<Violation | null> {
    const [violation] = await violationsByIds(ctx.em, ctx.viewer, [id]);
    return violation ?? null;
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Violation, {
    description:
      'Records a violation against a company or a provider (ministry officers), OPEN, with its fine and the cure period of the policy in force from today; published as `ViolationRecorded`. Not for overstays (recorded automatically). A provider or company that does not exist is NOT_FOUND. COMPLAINT_UPHELD needs a complaint resolved as upheld (COMPLAINT_NOT_UPHELD) and only one per complaint (VIOLATION_ALREADY_RECORDED).',
  })
  recordViolation(
    @Arg('input', () => RecordViolationInput, { description: 'Whom, what, and the fine.' })
    input: RecordViolationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Violation> {
    return recordViolation(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Violation, {
    description:
      'Confirms an OPEN violation was put right (ministry officers); the fine stays owed. INVALID_VIOLATION_TRANSITION otherwise.',
  })
  cureViolation(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('note', () => String, NOTE_ARG) note: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Violation> {
    return changeViolationStatus(ctx.em, requireViewer(ctx), id, ViolationStatus.CURED, note);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Violation, {
    description:
      'Escalates an OPEN violation not put right once its cure period is over, to licence action (ministry officers); published as `ViolationStatusChanged` for the licence’s owner. CURE_PERIOD_RUNNING before the day after `cureDueOn`.',
  })
  escalateViolation(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('note', () => String, NOTE_ARG) note: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Violation> {
    return changeViolationStatus(ctx.em, requireViewer(ctx), id, ViolationStatus.ESCALATED, note);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Violation, {
    description:
      'Cancels a violation recorded in error or overturned (ministry officers), from any status but CANCELLED: nothing is owed and it no longer counts in the compliance score.',
  })
  cancelViolation(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', () => String, { description: 'Why, 3 to 2,000 characters.' }) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Violation> {
    return changeViolationStatus(ctx.em, requireViewer(ctx), id, ViolationStatus.CANCELLED, reason);
  }

  @FieldResolver(() => ServiceProvider, {
    nullable: true,
    description: 'The provider it is against; null when against a company.',
  })
  async provider(@Root() violation: Violation, @Ctx() ctx: SubgraphContext): Promise<ServiceProvider | null> {
    if (!violation.providerId) return null;
    const loader = ctx.loaders.get<string, ServiceProvider | null>('ServiceProvider.byId', (ids) =>
      providersByIds(ctx.em, ctx.viewer, ids),
    );
    return loader.load(violation.providerId);
  }

  @FieldResolver(() => Inspection, {
    nullable: true,
    description: 'The inspection that raised it (source INSPECTION); null otherwise.',
  })
  async inspection(@Root() violation: Violation, @Ctx() ctx: SubgraphContext): Promise<Inspection | null> {
    if (!violation.inspectionId) return null;
    const loader = ctx.loaders.get<string, Inspection | null>('Inspection.byId', (ids) =>
      inspectionsByIds(ctx.em, ctx.viewer, ids),
    );
    return loader.load(violation.inspectionId);
  }

  @FieldResolver(() => Complaint, {
    nullable: true,
    description: 'The complaint it follows from; null when none or you may not see it.',
  })
  async complaint(@Root() violation: Violation, @Ctx() ctx: SubgraphContext): Promise<Complaint | null> {
    if (!violation.complaintId) return null;
    const loader = ctx.loaders.get<string, Complaint | null>('Complaint.byId', (ids) =>
      complaintsByIds(ctx.em, ctx.viewer, ids),
    );
    return loader.load(violation.complaintId);
  }

  @FieldResolver(() => [ViolationStatusChange], {
    description: 'Every step of the violation, oldest first: recording, cure, escalation, cancellation.',
  })
  async history(@Root() violation: Violation, @Ctx() ctx: SubgraphContext): Promise<ViolationStatusChange[]> {
    const loader = ctx.loaders.get<string, ViolationStatusChange[]>('Violation.history', (ids) =>
      violationHistories(ctx.em, ids),
    );
    return loader.load(violation.id);
  }
}
