import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { loadActor } from './actor.service';
import { auditLog, auditTrail } from './audit.service';
import { AuditEntry, AuditEntryConnection, AuditLogFilter } from './audit.type';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => AuditEntryConnection, {
    description:
      'Every mutation recorded against one company, newest first: who, when, which operation, on what, why and the outcome. The ministry reads any company’s trail; a manager reads their own company’s (what the ministry and the company’s own accounts did); any other company reads as empty.',
  })
  async auditTrail(
    @Arg('companyId', () => ID, { description: 'The company whose trail to read.' }) companyId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof AuditEntryConnection>> {
    return (await auditTrail(ctx.em, requireViewer(ctx), companyId, page, info)) as InstanceType<
      typeof AuditEntryConnection
    >;
  }

  @Authorized(...MINISTRY_ROLES)
  @Query(() => AuditEntryConnection, {
    description:
      'The audit log of the whole graph for the ministry, newest first: every mutation call in every part of the graph (companies, pilgrims and visas, packages and compliance, loyalty), whatever its outcome. Entries of the other parts arrive within seconds of the call.',
  })
  async auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true, description: 'Conditions the entries must meet.' })
    filter: AuditLogFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof AuditEntryConnection>> {
    return (await auditLog(ctx.em, filter, page, info)) as InstanceType<typeof AuditEntryConnection>;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Display name of the calling account; null for an anonymous call or an account not on record.',
  })
  async actorName(@Root() entry: AuditEntry, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return (await loadActor(ctx, entry.actorAccountId))?.displayName ?? null;
  }
}
