import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { agentRef, ExternalAgent } from '../agent/agent.type';
import { Company, companyRef } from '../company/company.type';
import { visasOfPilgrims } from '../visa/visa.service';
import { VisaApplication } from '../visa/visa.type';
import { PilgrimFilter, PilgrimOrder } from './pilgrim.inputs';
import { pilgrimLoader, primePilgrims } from './pilgrim.loaders';
import { listPilgrims } from './pilgrim.service';
import { Pilgrim, PilgrimConnection } from './pilgrim.type';

const PILGRIM_READERS = [...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.AGENT];

@Resolver(() => Pilgrim)
export class PilgrimResolver {
  @Authorized(...PILGRIM_READERS)
  @Query(() => PilgrimConnection, {
    description:
      'Registered pilgrims, oldest registration first unless `orderBy` says otherwise. The ministry sees all; a company manager only their company’s; an agent only the pilgrims it registered. Providers may not call it.',
  })
  async pilgrims(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PilgrimFilter, { nullable: true, description: 'Conditions the pilgrims must meet.' })
    filter: PilgrimFilter | null,
    @Arg('orderBy', () => PilgrimOrder, {
      nullable: true,
      description: 'How to sort the pilgrims; a cursor is valid only with the order it was issued for.',
    })
    orderBy: PilgrimOrder | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof PilgrimConnection>> {
    const result = await listPilgrims(ctx.em, requireViewer(ctx), page, filter, info, orderBy);
    primePilgrims(
      ctx,
      result.edges.map((e) => e.node),
    );
    return result as InstanceType<typeof PilgrimConnection>;
  }

  @Authorized(...PILGRIM_READERS)
  @Query(() => Pilgrim, {
    nullable: true,
    description: 'One pilgrim by id, or null when there is no such pilgrim you may read.',
  })
  async pilgrim(
    @Arg('id', () => ID, { description: 'The pilgrim’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Pilgrim | null> {
    return pilgrimLoader(ctx).load(id);
  }

  @FieldResolver(() => Company, { description: 'The licensed company that hosts the pilgrim.' })
  company(@Root() pilgrim: Pilgrim): Company {
    return companyRef(pilgrim.companyId);
  }

  @FieldResolver(() => ExternalAgent, {
    nullable: true,
    description: 'The external agent who registered the pilgrim, if any.',
  })
  agent(@Root() pilgrim: Pilgrim): ExternalAgent | null {
    return pilgrim.agentId ? agentRef(pilgrim.agentId) : null;
  }

  @FieldResolver(() => VisaApplication, {
    nullable: true,
    description: 'The pilgrim’s visa application; null until one is made.',
  })
  async visa(@Root() pilgrim: Pilgrim, @Ctx() ctx: SubgraphContext): Promise<VisaApplication | null> {
    return ctx.loaders
      .get<string, VisaApplication | null>('Pilgrim.visa', (ids) => visasOfPilgrims(ctx.em, ids))
      .load(pilgrim.id);
  }
}
