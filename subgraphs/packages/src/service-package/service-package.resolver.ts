import { MINISTRY_ROLES, PageArgs, Role, requireViewer, selects, type SubgraphContext } from '@umrah/subgraph-kit';
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
import { itemLoader } from '../inventory/inventory.resolver';
import { InventoryItem } from '../inventory/inventory.type';
import { ServicePackageFilter, ServicePackageInput } from './service-package.inputs';
import {
  approvalQueue,
  componentsOfPackages,
  historyOfPackages,
  listPackages,
  packagesByIds,
} from './service-package.service';
import {
  PackageComponent,
  PackageStatusChangeConnection,
  ServicePackage,
  ServicePackageConnection,
} from './service-package.type';
import {
  createServicePackage,
  decideServicePackage,
  submitServicePackage,
  updateServicePackage,
} from './service-package.workflow';

const EXPECTED_VERSION = {
  nullable: true,
  description:
    'The version you read; when given and the package has changed since, the call fails with PACKAGE_VERSION_CONFLICT and changes nothing.',
} as const;

@Resolver(() => ServicePackage)
export class ServicePackageResolver {
  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => ServicePackageConnection, {
    description:
      'Service packages, oldest first. The ministry sees every company’s packages; a company manager only their own.',
  })
  async servicePackages(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ServicePackageFilter, { nullable: true, description: 'Conditions the packages must meet.' })
    filter: ServicePackageFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ServicePackageConnection>> {
    return (await listPackages(ctx.em, requireViewer(ctx), page, filter, info)) as InstanceType<
      typeof ServicePackageConnection
    >;
  }

  @Authorized(...MINISTRY_ROLES, Role.COMPANY_MANAGER)
  @Query(() => ServicePackage, {
    nullable: true,
    description: 'One service package by id, or null when there is none you may see.',
  })
  async servicePackage(
    @Arg('id', () => ID, { description: 'The package’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServicePackage | null> {
    const [pkg] = await packagesByIds(ctx.em, ctx.viewer, [id]);
    return pkg ?? null;
  }

  @Authorized(...MINISTRY_ROLES)
  @Query(() => ServicePackageConnection, {
    description:
      'The ministry’s approval queue: SUBMITTED packages of every company, the one waiting longest first (ministry officers decide; supervisors read).',
  })
  async packageApprovalQueue(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ServicePackageConnection>> {
    return (await approvalQueue(ctx.em, requireViewer(ctx), page, selects(info, 'totalCount'))) as InstanceType<
      typeof ServicePackageConnection
    >;
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => ServicePackage, {
    description:
      'Creates a DRAFT service package of your company, composed from Maqam inventory (company managers). A draft may be incomplete; submit it when its hotels give all its nights. Fails with COMPONENT_OUTSIDE_STAY, COMPONENTS_OVERLAP, HOTEL_OUTSIDE_HOLY_CITIES or NOT_FOUND (an unknown item).',
  })
  createServicePackage(
    @Arg('input', () => ServicePackageInput, { description: 'The package as a whole.' }) input: ServicePackageInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServicePackage> {
    return createServicePackage(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => ServicePackage, {
    description:
      'Replaces one of your company’s packages as a whole (company managers). A REJECTED package becomes a DRAFT again; a SUBMITTED one stays submitted; an APPROVED one goes back to SUBMITTED and cannot be booked until the ministry approves it again (bookings already made keep their places). A submitted or approved package must stay complete (NIGHTS_NOT_COVERED). The same content again changes nothing.',
  })
  updateServicePackage(
    @Arg('id', () => ID, { description: 'The package’s id.' }) id: string,
    @Arg('input', () => ServicePackageInput, { description: 'The package as a whole.' }) input: ServicePackageInput,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServicePackage> {
    return updateServicePackage(ctx.em, requireViewer(ctx), id, input, expectedVersion);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => ServicePackage, {
    description:
      'Sends a DRAFT or REJECTED package of your company to the ministry for approval (company managers). Fails with NIGHTS_NOT_COVERED unless its Makkah and Madinah hotel components give exactly its nights, or INVALID_PACKAGE_TRANSITION.',
  })
  submitServicePackage(
    @Arg('id', () => ID, { description: 'The package’s id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServicePackage> {
    return submitServicePackage(ctx.em, requireViewer(ctx), id, expectedVersion);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => ServicePackage, {
    description:
      'Approves a SUBMITTED package (ministry officers): it may then be booked during its sale period. Fails with INVALID_PACKAGE_TRANSITION, PACKAGE_VERSION_CONFLICT or NIGHTS_NOT_COVERED.',
  })
  approveServicePackage(
    @Arg('id', () => ID, { description: 'The package’s id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServicePackage> {
    return decideServicePackage(ctx.em, requireViewer(ctx), id, { approve: true }, expectedVersion);
  }

  @Authorized(Role.MINISTRY_OFFICER)
  @Mutation(() => ServicePackage, {
    description:
      'Rejects a SUBMITTED package with a reason the company reads (ministry officers); the company may change it and submit it again. Fails with INVALID_PACKAGE_TRANSITION or PACKAGE_VERSION_CONFLICT.',
  })
  rejectServicePackage(
    @Arg('id', () => ID, { description: 'The package’s id.' }) id: string,
    @Arg('reason', () => String, { description: 'Why, 3 to 1000 characters; kept in the package’s history.' })
    reason: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServicePackage> {
    return decideServicePackage(ctx.em, requireViewer(ctx), id, { approve: false, reason }, expectedVersion);
  }

  @FieldResolver(() => [PackageComponent], {
    description: 'The package’s services, in order (at most 30); empty for a package composed before Maqam inventory.',
  })
  components(@Root() pkg: ServicePackage, @Ctx() ctx: SubgraphContext): Promise<PackageComponent[]> {
    // Whoever sees the package sees its components; one statement for every package of the response.
    const loader = ctx.loaders.get<string, PackageComponent[]>('ServicePackage.components', (ids) =>
      componentsOfPackages(ctx.em, ids),
    );
    return loader.load(pkg.id);
  }

  @FieldResolver(() => PackageStatusChangeConnection, {
    description:
      'The package’s history, oldest step first: every change, submission and decision with who, when and why.',
  })
  async statusHistory(
    @Root() pkg: ServicePackage,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof PackageStatusChangeConnection>> {
    const withCount = selects(info, 'totalCount');
    const loader = ctx.loaders.get<string, InstanceType<typeof PackageStatusChangeConnection>>(
      `ServicePackage.statusHistory:${page.first}:${page.after ?? ''}:${withCount}`,
      async (ids) =>
        (await historyOfPackages(ctx.em, ids, page, withCount)) as InstanceType<typeof PackageStatusChangeConnection>[],
    );
    return loader.load(pkg.id);
  }
}

@Resolver(() => PackageComponent)
export class PackageComponentResolver {
  @FieldResolver(() => InventoryItem, { description: 'The inventory item the component uses.' })
  async item(@Root() component: PackageComponent, @Ctx() ctx: SubgraphContext): Promise<InventoryItem> {
    const item = await itemLoader(ctx).load(component.itemId);
    if (!item) throw new Error(`package component ${component.id} has no visible item ${component.itemId}`);
    return item;
  }
}
