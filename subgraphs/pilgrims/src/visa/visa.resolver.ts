import { countByNationality, countByStatus, visaStatRowsOf, type StatRow } from '../statistics/statistics.service';
import {
  MINISTRY_ROLES,
  PageArgs,
  Role,
  requireViewer,
  type SubgraphContext,
  type WorkerSet,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { agentRef, ExternalAgent } from '../agent/agent.type';
import { Company, companyRef } from '../company/company.type';
import { pilgrimLoader } from '../pilgrim/pilgrim.loaders';
import { Pilgrim } from '../pilgrim/pilgrim.type';
import { RecordArrivalInput, RecordDepartureInput, VisaApplicationFilter, VisaApplicationOrder } from './visa.inputs';
import { WEBHOOK_FAN_OUT } from '../webhook/webhook.worker';
import { VISA_PROCESSOR } from './visa.processor';
import { historiesOf, listVisas, toVisa, visasByIds } from './visa.service';
import {
  NationalityCount,
  VisaApplication,
  VisaApplicationConnection,
  VisaStats,
  VisaStatusChange,
  VisaStatusCount,
} from './visa.type';
import {
  approveVisa,
  cancelVisa,
  recordArrival,
  recordDeparture,
  rejectVisa,
  retryVisaProcessing,
  submitVisa,
} from './visa.workflow';

/** The pilgrims subgraph's context: the request's, plus the background workers to wake. */
export interface PilgrimsContext extends SubgraphContext {
  workers?: WorkerSet;
}

const VISA_READERS = [...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.AGENT];

/** After a change: the processor takes approved work at once, and webhooks hear of it at once. */
function wakeAfterChange(ctx: PilgrimsContext): void {
  ctx.workers?.wake(VISA_PROCESSOR);
  ctx.workers?.wake(WEBHOOK_FAN_OUT);
}

const ID_ARG = { description: 'The visa application’s id.' } as const;
const REASON_ARG = { description: 'Why, in 3 to 500 characters; the agent and the ministry read it.' } as const;

@Resolver(() => VisaApplication)
export class VisaApplicationResolver {
  @Authorized(...VISA_READERS)
  @Query(() => VisaApplicationConnection, {
    description:
      'Visa applications, oldest first (by id, which is time-ordered for every application made through the API) unless `orderBy` says otherwise: the ministry sees all, a company manager the company’s, an agent those of pilgrims it registered.',
  })
  async visaApplications(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => VisaApplicationFilter, {
      nullable: true,
      description: 'Conditions the applications must meet.',
    })
    filter: VisaApplicationFilter | null,
    @Arg('orderBy', () => VisaApplicationOrder, {
      nullable: true,
      description: 'How to sort the applications; a cursor is valid only with the order it was issued for.',
    })
    orderBy: VisaApplicationOrder | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof VisaApplicationConnection>> {
    return (await listVisas(ctx.em, requireViewer(ctx), page, filter, info, orderBy)) as InstanceType<
      typeof VisaApplicationConnection
    >;
  }

  @Authorized(...VISA_READERS)
  @Query(() => VisaApplication, {
    nullable: true,
    description: 'One visa application by id, or null when there is none you may read.',
  })
  async visaApplication(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VisaApplication | null> {
    const [visa] = await visasByIds(ctx.em, ctx.viewer, [id]);
    return visa ?? null;
  }

  @Authorized(Role.COMPANY_MANAGER, Role.AGENT)
  @Mutation(() => VisaApplication, {
    description:
      'Applies for a pilgrim’s Umrah visa: an agent for a pilgrim it registered, a manager for the company’s pilgrim. Refused (each with its code) outside the season’s issuance period, when the company’s licence is not active, when the agent’s contract is not in force, and when the pilgrim already has an application in progress.',
  })
  async submitVisaApplication(
    @Arg('pilgrimId', () => ID, { description: 'The pilgrim to apply for.' }) pilgrimId: string,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'A key of your choosing (1 to 200 characters): a retried call with the same key from the same account returns the first call’s application instead of failing.',
    })
    idempotencyKey: string | null,
    @Ctx() ctx: PilgrimsContext,
  ): Promise<VisaApplication> {
    const row = await submitVisa(ctx.em, requireViewer(ctx), pilgrimId, idempotencyKey);
    wakeAfterChange(ctx);
    return toVisa(row);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => VisaApplication, {
    description:
      'The company approves a submitted application. The preconditions of issuance are checked now, each refused with its own code: COMPANY_LICENCE_NOT_ACTIVE, AGENT_CONTRACT_NOT_ACTIVE, BOOKING_REQUIRED (a confirmed booking on an approved package covering the stay), PASSPORT_VALIDITY, QUOTA_EXCEEDED. Payment and MOFA then follow automatically; watch `status`, `lastError` and the history.',
  })
  async approveVisaApplication(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Ctx() ctx: PilgrimsContext,
  ): Promise<VisaApplication> {
    const row = await approveVisa(ctx.em, requireViewer(ctx), id);
    wakeAfterChange(ctx);
    return toVisa(row);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => VisaApplication, { description: 'The company rejects a submitted application, with a reason.' })
  async rejectVisaApplication(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', () => String, REASON_ARG) reason: string,
    @Ctx() ctx: PilgrimsContext,
  ): Promise<VisaApplication> {
    const row = await rejectVisa(ctx.em, requireViewer(ctx), id, reason);
    wakeAfterChange(ctx);
    return toVisa(row);
  }

  @Authorized(Role.COMPANY_MANAGER, Role.AGENT)
  @Mutation(() => VisaApplication, {
    description:
      'Withdraws an application: while submitted, approved or paid (the quota place and the fee are given back), or once issued as long as the pilgrim has not entered.',
  })
  async cancelVisaApplication(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', () => String, REASON_ARG) reason: string,
    @Ctx() ctx: PilgrimsContext,
  ): Promise<VisaApplication> {
    const row = await cancelVisa(ctx.em, requireViewer(ctx), id, reason);
    wakeAfterChange(ctx);
    return toVisa(row);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => VisaApplication, {
    description:
      'Resumes the automatic payment and MOFA steps of an approved or paid application that stopped on a refusal (e.g. a declined payment), once its cause is fixed.',
  })
  async retryVisaProcessing(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Ctx() ctx: PilgrimsContext,
  ): Promise<VisaApplication> {
    const row = await retryVisaProcessing(ctx.em, requireViewer(ctx), id);
    wakeAfterChange(ctx);
    return toVisa(row);
  }

  @Authorized(Role.MINISTRY_OFFICER, Role.COMPANY_MANAGER)
  @Mutation(() => VisaApplication, {
    description:
      'Records the pilgrim’s entry through a port, within the visa’s entry window (ministry officers from the border systems, or the company’s manager). The permitted stay counts from this day.',
  })
  async recordArrival(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => RecordArrivalInput, { description: 'Day and port of entry.' }) input: RecordArrivalInput,
    @Ctx() ctx: PilgrimsContext,
  ): Promise<VisaApplication> {
    const row = await recordArrival(ctx.em, requireViewer(ctx), id, input);
    wakeAfterChange(ctx);
    return toVisa(row);
  }

  @Authorized(Role.MINISTRY_OFFICER, Role.COMPANY_MANAGER)
  @Mutation(() => VisaApplication, {
    description: 'Records the pilgrim’s departure from the Kingdom (also after an overstay, which stays on record).',
  })
  async recordDeparture(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => RecordDepartureInput, { description: 'Day and port of exit.' }) input: RecordDepartureInput,
    @Ctx() ctx: PilgrimsContext,
  ): Promise<VisaApplication> {
    const row = await recordDeparture(ctx.em, requireViewer(ctx), id, input);
    wakeAfterChange(ctx);
    return toVisa(row);
  }

  @FieldResolver(() => Pilgrim, { description: 'The pilgrim the application is for.' })
  async pilgrim(@Root() visa: VisaApplication, @Ctx() ctx: SubgraphContext): Promise<Pilgrim | null> {
    return pilgrimLoader(ctx).load(visa.pilgrimId);
  }

  @FieldResolver(() => Company, { description: 'The licensed company that hosts the pilgrim.' })
  company(@Root() visa: VisaApplication): Company {
    return companyRef(visa.companyId);
  }

  @FieldResolver(() => ExternalAgent, {
    nullable: true,
    description: 'The external agent who registered the pilgrim, if any.',
  })
  agent(@Root() visa: VisaApplication): ExternalAgent | null {
    return visa.agentId ? agentRef(visa.agentId) : null;
  }

  @FieldResolver(() => [VisaStatusChange], {
    description: 'Every status change, oldest first: who made it, when, and why (the application’s timeline).',
  })
  history(@Root() visa: VisaApplication, @Ctx() ctx: SubgraphContext): Promise<VisaStatusChange[]> {
    return ctx.loaders
      .get<string, VisaStatusChange[]>('VisaApplication.history', (ids) => historiesOf(ctx.em, ids))
      .load(visa.id);
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
  async byStatus(@Root() stats: VisaStats, @Ctx() ctx: SubgraphContext): Promise<VisaStatusCount[]> {
    return countByStatus(await this.rows(stats, ctx));
  }

  @FieldResolver(() => [NationalityCount])
  async byNationality(@Root() stats: VisaStats, @Ctx() ctx: SubgraphContext): Promise<NationalityCount[]> {
    return countByNationality(await this.rows(stats, ctx));
  }

  // Both breakdowns come from the same rows: one loader, so selecting both still costs one statement.
  private rows(stats: VisaStats, ctx: SubgraphContext): Promise<StatRow[]> {
    return ctx.loaders
      .get<string, StatRow[]>('VisaStats.rows', (ids) => visaStatRowsOf(ctx.em, ids))
      .load(stats.companyId);
  }
}
