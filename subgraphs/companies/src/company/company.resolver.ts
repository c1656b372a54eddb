import { ALL_ROLES, MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { CompanyOrder, CreateCompanyInput, UpdateCompanyInput } from './company.inputs';
import { companiesByIds, createCompany, listCompanies, updateCompany } from './company.service';
import { Company, CompanyConnection, CompanyFilter } from './company.type';

@Resolver(() => Company)
export class CompanyResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => CompanyConnection, {
    description:
      'Licensed companies, in registration order unless `orderBy` says otherwise. The ministry sees all; a company manager sees only their own company.',
  })
  async companies(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CompanyFilter, { nullable: true, description: 'Conditions the companies must meet.' })
    filter: CompanyFilter | null,
    @Arg('orderBy', () => CompanyOrder, {
      nullable: true,
      description: 'Sort order; a cursor is valid only with the order it was issued for.',
    })
    orderBy: CompanyOrder | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof CompanyConnection>> {
    return (await listCompanies(ctx.em, requireViewer(ctx), page, filter, orderBy, info)) as InstanceType<
      typeof CompanyConnection
    >;
  }

  @Authorized(...ALL_ROLES)
  @Query(() => Company, { nullable: true, description: 'One company by id, or null when there is no such company.' })
  async company(
    @Arg('id', () => ID, { description: 'The company’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Company | null> {
    const [company] = await companiesByIds(ctx.em, ctx.viewer, [id]);
    return company ?? null;
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Company, {
    description:
      'Registers a company with its licence, issued for the policy’s licence years (ministry officers). Fails with CR_NUMBER_TAKEN or LICENSE_NUMBER_TAKEN naming the field.',
  })
  createCompany(
    @Arg('input', () => CreateCompanyInput, { description: 'The company’s registry entry and licence.' })
    input: CreateCompanyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Company> {
    return createCompany(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => Company, {
    description:
      'Edits a company’s registry entry (ministry officers). Fails with NOT_FOUND for an unknown id and CR_NUMBER_TAKEN when another company holds the CR number.',
  })
  updateCompany(
    @Arg('id', () => ID, { description: 'The company’s id.' }) id: string,
    @Arg('input', () => UpdateCompanyInput, { description: 'The fields to change.' }) input: UpdateCompanyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Company> {
    return updateCompany(ctx.em, id, input);
  }
}
