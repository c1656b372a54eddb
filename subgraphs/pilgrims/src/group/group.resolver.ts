import {
  MINISTRY_ROLES,
  PageArgs,
  Role,
  requireViewer,
  selects,
  type Page,
  type SubgraphContext,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agentRef, ExternalAgent } from '../agent/agent.type';
import { Company, companyRef } from '../company/company.type';
import { primePilgrims } from '../pilgrim/pilgrim.loaders';
import { Pilgrim, PilgrimConnection } from '../pilgrim/pilgrim.type';
import { createPilgrimGroup, groupsByIds, listPilgrimGroups, pilgrimsOfGroups } from './group.service';
import { CreatePilgrimGroupInput, PilgrimGroup, PilgrimGroupConnection } from './group.type';

const GROUP_READERS = [...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.AGENT];

/** The per-request loader every group look-up by id shares (`pilgrimGroup`, `Pilgrim.group`). */
const groupLoader = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, PilgrimGroup | null>('PilgrimGroup', (ids) => groupsByIds(ctx.em, ctx.viewer, ids));

@Resolver(() => PilgrimGroup)
export class PilgrimGroupResolver {
  @Authorized(...GROUP_READERS)
  @Query(() => PilgrimGroupConnection, {
    description:
      'Groups of pilgrims, oldest first. The ministry sees all; a company manager only their company’s; an agent only the groups it created. Providers may not call it.',
  })
  async pilgrimGroups(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof PilgrimGroupConnection>> {
    return (await listPilgrimGroups(ctx.em, requireViewer(ctx), page, info)) as InstanceType<
      typeof PilgrimGroupConnection
    >;
  }

  @Authorized(...GROUP_READERS)
  @Query(() => PilgrimGroup, {
    nullable: true,
    description: 'One group by id, or null when there is no such group you may read.',
  })
  async pilgrimGroup(
    @Arg('id', () => ID, { description: 'The group’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PilgrimGroup | null> {
    return groupLoader(ctx).load(id);
  }

  @Authorized(Role.COMPANY_MANAGER, Role.AGENT)
  @Mutation(() => PilgrimGroup, {
    description:
      'Registers a group of pilgrims in the current season: a manager for their own company, an agent for a company it has an agency contract in force with. The company’s licence must be active.',
  })
  async createPilgrimGroup(
    @Arg('input', () => CreatePilgrimGroupInput, { description: 'The new group.' }) input: CreatePilgrimGroupInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PilgrimGroup> {
    return createPilgrimGroup(ctx.em, requireViewer(ctx), input);
  }

  @FieldResolver(() => Company, { description: 'The licensed company the group travels with.' })
  company(@Root() group: PilgrimGroup): Company {
    return companyRef(group.companyId);
  }

  @FieldResolver(() => ExternalAgent, {
    nullable: true,
    description: 'The external agent that created the group; null when a manager did.',
  })
  agent(@Root() group: PilgrimGroup): ExternalAgent | null {
    return group.agentId ? agentRef(group.agentId) : null;
  }

  @FieldResolver(() => PilgrimConnection, { description: 'The group’s pilgrims, oldest registration first.' })
  async pilgrims(
    @Root() group: PilgrimGroup,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof PilgrimConnection>> {
    const withCount = selects(info, 'totalCount');
    // One loader per page shape, so every group in this response shares one batch.
    const loader = ctx.loaders.get<string, Page<Pilgrim>>(
      `PilgrimGroup.pilgrims:${page.first}:${page.after ?? ''}:${withCount}`,
      (ids) => pilgrimsOfGroups(ctx.em, ids, page, withCount),
    );
    const result = await loader.load(group.id);
    primePilgrims(
      ctx,
      result.edges.map((e) => e.node),
    );
    return result as InstanceType<typeof PilgrimConnection>;
  }
}

@Resolver(() => Pilgrim)
export class PilgrimGroupOfPilgrimResolver {
  @FieldResolver(() => PilgrimGroup, {
    nullable: true,
    description: 'The group the pilgrim travels in; null when none, or when you may not read the group.',
  })
  async group(@Root() pilgrim: Pilgrim, @Ctx() ctx: SubgraphContext): Promise<PilgrimGroup | null> {
    if (!pilgrim.groupId) return null;
    return groupLoader(ctx).load(pilgrim.groupId);
  }
}
