import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { providersByIds } from '../provider/provider.service';
import { ServiceProvider } from '../provider/provider.type';
import { violationsOfInspections } from '../violation/violation.service';
import { Violation } from '../violation/violation.type';
import { InspectionFilter, RecordInspectionInput } from './inspection.inputs';
import { inspectionsByIds, listInspections, recordInspection } from './inspection.service';
import { Inspection, InspectionConnection } from './inspection.type';

const READERS = [...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.PROVIDER];

@Resolver(() => Inspection)
export class InspectionResolver {
  @Authorized(...READERS)
  @Query(() => InspectionConnection, {
    description:
      'Field inspections, oldest first. The ministry sees all (supervisors read-only); a company manager those naming the company; a provider those naming it.',
  })
  async inspections(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => InspectionFilter, { nullable: true, description: 'Conditions the inspections must meet.' })
    filter: InspectionFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof InspectionConnection>> {
    return (await listInspections(ctx.em, requireViewer(ctx), page, filter, info)) as InstanceType<
      typeof InspectionConnection
    >;
  }

  @Authorized(...READERS)
  @Query(() => Inspection, {
    nullable: true,
    description: 'One inspection by id, or null when there is none you may see.',
  })
  async inspection(
    @Arg('id', () => ID, { description: 'The inspection’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Inspection | null> {
    const [inspection] = await inspectionsByIds(ctx.em, ctx.viewer, [id]);
    return inspection ?? null;
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Inspection, {
    description:
      'Records a field visit and the violations it found, all in one transaction (ministry officers). Each violation opens the cure period of the policy in force from the day of the visit and is published as `ViolationRecorded`. A provider or company that does not exist is NOT_FOUND; a violation of type OVERSTAY (recorded from the pilgrims subgraph) or COMPLAINT_UPHELD (recorded by resolving the complaint), or a fine above SAR 50,000, is BAD_USER_INPUT naming the violation.',
  })
  recordInspection(
    @Arg('input', () => RecordInspectionInput, { description: 'The visit and what it found.' })
    input: RecordInspectionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Inspection> {
    return recordInspection(ctx.em, requireViewer(ctx), input);
  }

  @FieldResolver(() => ServiceProvider, {
    nullable: true,
    description: 'The provider whose site was inspected; null when none or you may not see it.',
  })
  async provider(@Root() inspection: Inspection, @Ctx() ctx: SubgraphContext): Promise<ServiceProvider | null> {
    if (!inspection.providerId) return null;
    const loader = ctx.loaders.get<string, ServiceProvider | null>('ServiceProvider.byId', (ids) =>
      providersByIds(ctx.em, ctx.viewer, ids),
    );
    return loader.load(inspection.providerId);
  }

  @FieldResolver(() => [Violation], {
    description: 'The violations this visit raised that you may see, oldest first.',
  })
  async violations(@Root() inspection: Inspection, @Ctx() ctx: SubgraphContext): Promise<Violation[]> {
    const loader = ctx.loaders.get<string, Violation[]>('Inspection.violations', (ids) =>
      violationsOfInspections(ctx.em, ctx.viewer, ids),
    );
    return loader.load(inspection.id);
  }
}
