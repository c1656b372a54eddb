import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { providersByIds } from '../provider/provider.service';
import { ServiceProvider } from '../provider/provider.type';
import { ComplaintFilter, FileComplaintInput } from './complaint.inputs';
import {
  answerComplaint,
  complaintHistories,
  complaintsByIds,
  escalateComplaint,
  fileComplaint,
  listComplaints,
  resolveComplaint,
} from './complaint.service';
import { Complaint, ComplaintConnection, ComplaintStatusChange } from './complaint.type';

const READERS = [...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.PROVIDER, Role.AGENT];
const ID_ARG = { description: 'The complaint’s id.' };

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Authorized(...READERS)
  @Query(() => ComplaintConnection, {
    description:
      'Complaints, oldest first. The ministry sees all (supervisors read-only); a company manager those against the company and those it filed; a provider those against it; an agent those it filed.',
  })
  async complaints(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ComplaintFilter, { nullable: true, description: 'Conditions the complaints must meet.' })
    filter: ComplaintFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ComplaintConnection>> {
    return (await listComplaints(ctx.em, requireViewer(ctx), page, filter, info)) as InstanceType<
      typeof ComplaintConnection
    >;
  }

  @Authorized(...READERS)
  @Query(() => Complaint, {
    nullable: true,
    description: 'One complaint by id, or null when there is none you may see.',
  })
  async complaint(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: SubgraphContext): Promise<Complaint | null> {
    const [complaint] = await complaintsByIds(ctx.em, ctx.viewer, [id]);
    return complaint ?? null;
  }

  @Authorized(Role.MINISTRY_OFFICER, Role.COMPANY_MANAGER, Role.AGENT)
  @Mutation(() => Complaint, {
    description:
      'Files a complaint against one company or one provider, OPEN, with its SLA clock started (the hours its category has in the policy in force): ministry officers (the hotline), company managers (about providers only) and agents. A provider or company that does not exist is NOT_FOUND, and so is, for an agent, a company it has never held a contract with.',
  })
  fileComplaint(
    @Arg('input', () => FileComplaintInput, { description: 'Whom the complaint is against and what happened.' })
    input: FileComplaintInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Complaint> {
    return fileComplaint(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.COMPANY_MANAGER, Role.PROVIDER)
  @Mutation(() => Complaint, {
    description:
      'The party complained about answers (a manager of the company, or the provider): an OPEN complaint becomes IN_PROGRESS; with `resolved: true` it becomes RESOLVED with the answer as resolution — refused with COMPLAINT_ESCALATED while the ministry holds it. INVALID_COMPLAINT_TRANSITION once resolved. Each answer is a step of the history.',
  })
  answerComplaint(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('answer', () => String, { description: 'What was done or will be done, 3 to 2,000 characters.' })
    answer: string,
    @Arg('resolved', () => Boolean, {
      defaultValue: false,
      description: 'True when the answer puts the matter right and closes the complaint.',
    })
    resolved: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Complaint> {
    return answerComplaint(ctx.em, requireViewer(ctx), id, answer, resolved);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Complaint, {
    description:
      'Escalates an OPEN or IN_PROGRESS complaint to the ministry (e.g. to a field committee), with a reason (ministry officers). INVALID_COMPLAINT_TRANSITION otherwise.',
  })
  escalateComplaint(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', () => String, { description: 'Why, 3 to 2,000 characters.' }) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Complaint> {
    return escalateComplaint(ctx.em, requireViewer(ctx), id, reason);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Complaint, {
    description:
      'Resolves any unresolved complaint with a resolution and the ministry’s finding (ministry officers). An upheld complaint counts against the party’s compliance score; record a COMPLAINT_UPHELD violation to fine it. INVALID_COMPLAINT_TRANSITION when already resolved.',
  })
  resolveComplaint(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('resolution', () => String, { description: 'How it was resolved, 3 to 2,000 characters.' })
    resolution: string,
    @Arg('upheld', () => Boolean, { description: 'True when the ministry finds the complaint justified.' })
    upheld: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Complaint> {
    return resolveComplaint(ctx.em, requireViewer(ctx), id, resolution, upheld);
  }

  @FieldResolver(() => ServiceProvider, {
    nullable: true,
    description: 'The provider complained about; null when the complaint is against a company or you may not see it.',
  })
  async provider(@Root() complaint: Complaint, @Ctx() ctx: SubgraphContext): Promise<ServiceProvider | null> {
    if (!complaint.providerId) return null;
    const loader = ctx.loaders.get<string, ServiceProvider | null>('ServiceProvider.byId', (ids) =>
      providersByIds(ctx.em, ctx.viewer, ids),
    );
    return loader.load(complaint.providerId);
  }

  @FieldResolver(() => [ComplaintStatusChange], {
    description: 'Every step of the complaint, oldest first: filing, answers, escalation, SLA breach, resolution.',
  })
  async history(@Root() complaint: Complaint, @Ctx() ctx: SubgraphContext): Promise<ComplaintStatusChange[]> {
    // Only complaints the caller could read reach here; one query for every complaint in the response.
    const loader = ctx.loaders.get<string, ComplaintStatusChange[]>('Complaint.history', (ids) =>
      complaintHistories(ctx.em, ids),
    );
    return loader.load(complaint.id);
  }
}
