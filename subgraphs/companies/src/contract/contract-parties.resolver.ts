import { isUuid } from '@umrah/db-kit';
import { PageArgs, selects, type Page, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Resolver, Root } from 'type-graphql';
import { ExternalAgent } from '../agent/agent.type';
import { Company } from '../company/company.type';
import { activeAgentIdsOfCompanies, contractsOfAgents, contractsOfCompanies, mayActForMany } from './contract.service';
import { AgencyContractConnection, type AgencyContract } from './contract.type';

type ContractConnection = InstanceType<typeof AgencyContractConnection>;

/** Contracts seen from the company: one batch for every company in the response. */
@Resolver(() => Company)
export class CompanyContractsResolver {
  @FieldResolver(() => AgencyContractConnection, {
    nullable: true,
    description:
      'The company’s agency contracts, oldest first; null unless you are the ministry or a manager of this company.',
  })
  async agencyContracts(
    @Root() company: Company,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ContractConnection | null> {
    const withCount = selects(info, 'totalCount');
    const loader = ctx.loaders.get<string, Page<AgencyContract> | null>(
      `Company.agencyContracts:${page.first}:${page.after ?? ''}:${withCount}`,
      (ids) => contractsOfCompanies(ctx.em, ctx.viewer, ids, page, withCount),
    );
    return (await loader.load(company.id)) as ContractConnection | null;
  }

  @FieldResolver(() => [ID], {
    nullable: true,
    description:
      'Ids of the external agents that may act for the company today (an active contract, the agent not suspended); null unless you are the ministry or a manager of this company.',
  })
  activeAgentIds(@Root() company: Company, @Ctx() ctx: SubgraphContext): Promise<string[] | null> {
    return ctx.loaders
      .get<string, string[] | null>('Company.activeAgentIds', (ids) =>
        activeAgentIdsOfCompanies(ctx.em, ctx.viewer, ids),
      )
      .load(company.id);
  }
}

/** Contracts seen from the agent: sliced to what the viewer may see, batched per response. */
@Resolver(() => ExternalAgent)
export class AgentContractsResolver {
  @FieldResolver(() => AgencyContractConnection, {
    nullable: true,
    description:
      'The agent’s agency contracts, oldest first: all of them for the ministry and the agent itself, only those with your company for a manager; null for anyone else.',
  })
  async contracts(
    @Root() agent: ExternalAgent,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ContractConnection | null> {
    const withCount = selects(info, 'totalCount');
    const loader = ctx.loaders.get<string, Page<AgencyContract> | null>(
      `ExternalAgent.contracts:${page.first}:${page.after ?? ''}:${withCount}`,
      (ids) => contractsOfAgents(ctx.em, ctx.viewer, ids, page, withCount),
    );
    return (await loader.load(agent.id)) as ContractConnection | null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the agent may act for this company today: an approved contract between them within its dates, and the agent not suspended. False when you are not the ministry, a manager of that company or the agent itself.',
  })
  mayActFor(
    @Root() agent: ExternalAgent,
    @Arg('companyId', () => ID, { description: 'The company the agent would act for.' }) companyId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    if (!isUuid(companyId)) return Promise.resolve(false);
    return ctx.loaders
      .get<string, boolean>('ExternalAgent.mayActFor', (keys) =>
        mayActForMany(
          ctx.em,
          ctx.viewer,
          keys.map((key) => key.split('|') as [string, string]),
        ),
      )
      .load(`${companyId}|${agent.id}`);
  }
}
