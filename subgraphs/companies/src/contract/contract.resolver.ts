import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agentLoader } from '../agent/agent.resolver';
import { ExternalAgent } from '../agent/agent.type';
import { companiesByIds } from '../company/company.service';
import { Company } from '../company/company.type';
import { changeContract, contractsByIds, createContract, listContracts } from './contract.service';
import {
  AgencyContract,
  AgencyContractConnection,
  AgencyContractDecisionInput,
  AgencyContractFilter,
  CreateAgencyContractInput,
} from './contract.type';

const READERS = [...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.AGENT];

@Resolver(() => AgencyContract)
export class ContractResolver {
  @Authorized(...READERS)
  @Query(() => AgencyContractConnection, {
    description: 'Agency contracts, oldest first. The ministry sees all; a manager their company’s; an agent its own.',
  })
  async agencyContracts(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AgencyContractFilter, { nullable: true, description: 'Conditions the contracts must meet.' })
    filter: AgencyContractFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof AgencyContractConnection>> {
    return (await listContracts(ctx.em, requireViewer(ctx), page, filter, info)) as InstanceType<
      typeof AgencyContractConnection
    >;
  }

  @Authorized(...READERS)
  @Query(() => AgencyContract, {
    nullable: true,
    description: 'One agency contract by id, or null when there is none you may see.',
  })
  async agencyContract(
    @Arg('id', () => ID, { description: 'The contract’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgencyContract | null> {
    const [contract] = await contractsByIds(ctx.em, ctx.viewer, [id]);
    return contract ?? null;
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => AgencyContract, {
    description:
      'Drafts an agency contract between your company and an ACTIVE agent (company managers). Fails with AGENT_NOT_ACTIVE or CONTRACT_OVERLAPS.',
  })
  createAgencyContract(
    @Arg('input', () => CreateAgencyContractInput, { description: 'The agent and the validity dates.' })
    input: CreateAgencyContractInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgencyContract> {
    return createContract(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => AgencyContract, {
    description:
      'Registers a DRAFT contract of your company with the ministry, making it SUBMITTED (company managers). Fails with CONTRACT_CUTOFF_PASSED after the season’s cut-off date, or INVALID_CONTRACT_TRANSITION.',
  })
  submitAgencyContract(
    @Arg('id', () => ID, { description: 'The contract’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgencyContract> {
    return changeContract(ctx.em, requireViewer(ctx), 'submit', { id });
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => AgencyContract, {
    description:
      'Approves a SUBMITTED contract (ministry officers); it reads ACTIVE from its first valid day. Fails with AGENT_NOT_ACTIVE or INVALID_CONTRACT_TRANSITION.',
  })
  approveAgencyContract(
    @Arg('input', () => AgencyContractDecisionInput, { description: 'The contract and the reason.' })
    input: AgencyContractDecisionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgencyContract> {
    return changeContract(ctx.em, requireViewer(ctx), 'approve', input);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => AgencyContract, {
    description:
      'Returns a SUBMITTED contract to DRAFT with the reason kept for the company (ministry officers). Else INVALID_CONTRACT_TRANSITION.',
  })
  rejectAgencyContract(
    @Arg('input', () => AgencyContractDecisionInput, { description: 'The contract and why it is rejected.' })
    input: AgencyContractDecisionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgencyContract> {
    return changeContract(ctx.em, requireViewer(ctx), 'reject', input);
  }

  @Authorized(Role.MINISTRY_OFFICER, Role.COMPANY_MANAGER)
  @Mutation(() => AgencyContract, {
    description:
      'Ends a contract that is not yet expired or terminated (ministry officers, or a manager of the company). Else INVALID_CONTRACT_TRANSITION.',
  })
  terminateAgencyContract(
    @Arg('input', () => AgencyContractDecisionInput, { description: 'The contract and why it ends.' })
    input: AgencyContractDecisionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgencyContract> {
    return changeContract(ctx.em, requireViewer(ctx), 'terminate', input);
  }

  @FieldResolver(() => Company, { description: 'The licensed company that holds the contract.' })
  async company(@Root() contract: AgencyContract, @Ctx() ctx: SubgraphContext): Promise<Company | null> {
    return ctx.loaders
      .get<string, Company | null>('company', (ids) => companiesByIds(ctx.em, ctx.viewer, ids))
      .load(contract.companyId);
  }

  @FieldResolver(() => ExternalAgent, { description: 'The external agent the contract is with.' })
  agent(@Root() contract: AgencyContract, @Ctx() ctx: SubgraphContext): Promise<ExternalAgent | null> {
    return agentLoader(ctx).load(contract.agentId);
  }
}
