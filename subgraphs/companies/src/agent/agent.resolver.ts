import {
  ALL_ROLES,
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
import { agentsByIds, decideAgent, historiesOfAgents, listAgents, registerAgent } from './agent.service';
import {
  AgentDecisionInput,
  AgentStatusChangeConnection,
  ExternalAgent,
  ExternalAgentConnection,
  ExternalAgentFilter,
  RegisterAgentInput,
  SuspendAgentInput,
  type AgentStatusChange,
} from './agent.type';

/** The per-request loader every ExternalAgent look-up shares (`Viewer.agent`, contracts, references). */
export const agentLoader = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, ExternalAgent | null>('agent', (ids) => agentsByIds(ctx.em, ctx.viewer, ids));

@Resolver(() => ExternalAgent)
export class AgentResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.AGENT)
  @Query(() => ExternalAgentConnection, {
    description:
      'External agents, oldest registration first. The ministry sees all; a manager the agents holding any contract with their company; an agent only itself.',
  })
  async externalAgents(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ExternalAgentFilter, { nullable: true, description: 'Conditions the agents must meet.' })
    filter: ExternalAgentFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ExternalAgentConnection>> {
    return (await listAgents(ctx.em, requireViewer(ctx), page, filter, info)) as InstanceType<
      typeof ExternalAgentConnection
    >;
  }

  @Authorized(...ALL_ROLES)
  @Query(() => ExternalAgent, {
    nullable: true,
    description:
      'One external agent by id, or null when there is no such agent. Contact, rating and history are null unless you may see them.',
  })
  externalAgent(
    @Arg('id', () => ID, { description: 'The agent’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExternalAgent | null> {
    return agentLoader(ctx).load(id);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => ExternalAgent, {
    description:
      'Registers an external agent as PENDING (ministry officers). Fails with AGENT_ALREADY_REGISTERED when its country and home licence number are taken.',
  })
  registerAgent(
    @Arg('input', () => RegisterAgentInput, { description: 'The agent’s registry entry and contact.' })
    input: RegisterAgentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExternalAgent> {
    return registerAgent(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => ExternalAgent, {
    description: 'Approves a PENDING agent, making it ACTIVE (ministry officers). Else INVALID_AGENT_TRANSITION.',
  })
  approveAgent(
    @Arg('input', () => AgentDecisionInput, { description: 'The agent and the reason.' }) input: AgentDecisionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExternalAgent> {
    return decideAgent(ctx.em, requireViewer(ctx), 'approve', input);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => ExternalAgent, {
    description:
      'Suspends an ACTIVE agent until the end of a cure period (ministry officers); it may not act meanwhile. Else INVALID_AGENT_TRANSITION.',
  })
  suspendAgent(
    @Arg('input', () => SuspendAgentInput, { description: 'The agent, the reason and the cure period.' })
    input: SuspendAgentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExternalAgent> {
    return decideAgent(ctx.em, requireViewer(ctx), 'suspend', input);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => ExternalAgent, {
    description: 'Lifts the suspension of a SUSPENDED agent (ministry officers). Else INVALID_AGENT_TRANSITION.',
  })
  reinstateAgent(
    @Arg('input', () => AgentDecisionInput, { description: 'The agent and the reason.' }) input: AgentDecisionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExternalAgent> {
    return decideAgent(ctx.em, requireViewer(ctx), 'reinstate', input);
  }

  @FieldResolver(() => AgentStatusChangeConnection, {
    nullable: true,
    description:
      'Every status change of the agent, oldest first; null unless you are the ministry, the agent itself or a manager of a company contracted with it.',
  })
  async statusHistory(
    @Root() agent: ExternalAgent,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof AgentStatusChangeConnection> | null> {
    if (!agent.detailsVisible) return null;
    const withCount = selects(info, 'totalCount');
    const loader = ctx.loaders.get<string, Page<AgentStatusChange> | null>(
      `ExternalAgent.statusHistory:${page.first}:${page.after ?? ''}:${withCount}`,
      async (ids) => {
        const pages = await historiesOfAgents(ctx.em, ids, page, withCount);
        return ids.map((id) => pages.get(id) ?? null);
      },
    );
    return (await loader.load(agent.id)) as InstanceType<typeof AgentStatusChangeConnection> | null;
  }
}
