import {
  DateScalar,
  MINISTRY_ROLES,
  PageArgs,
  Role,
  requireViewer,
  selects,
  type Page,
  type SubgraphContext,
} from '@umrah/subgraph-kit';
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
import { providersByIds } from '../provider/provider.service';
import { ServiceProvider } from '../provider/provider.type';
import { checkPeriod } from './days';
import {
  CreateInventoryItemInput,
  InventoryFilter,
  InventoryReservationFilter,
  SetInventoryAllotmentsInput,
} from './inventory.inputs';
import {
  MAX_QUERY_DAYS,
  createInventoryItem,
  daysOfItems,
  inventoryItemsByIds,
  itemsOfProviders,
  listAvailability,
  listInventoryItems,
  setAllotments,
} from './inventory.service';
import {
  InventoryDay,
  InventoryItem,
  InventoryItemConnection,
  InventoryReservation,
  InventoryReservationConnection,
  ItemAvailability,
  ItemAvailabilityConnection,
} from './inventory.type';
import { listReservations } from './reservation.service';

const READERS = [...MINISTRY_ROLES, Role.COMPANY_MANAGER, Role.PROVIDER];

/** One loader per request for items by id, shared by every field that points at an item. */
export const itemLoader = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, InventoryItem | null>('InventoryItem', (ids) => inventoryItemsByIds(ctx.em, ctx.viewer, ids));

@Resolver(() => InventoryItem)
export class InventoryResolver {
  @Authorized(...READERS)
  @Query(() => InventoryItemConnection, {
    description:
      'Inventory items, oldest first, optionally by provider, kind and city. The ministry and company managers see every provider’s; a provider only its own.',
  })
  async inventoryItems(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => InventoryFilter, { nullable: true, description: 'Conditions the items must meet.' })
    filter: InventoryFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof InventoryItemConnection>> {
    const result = await listInventoryItems(ctx.em, requireViewer(ctx), filter, page, selects(info, 'totalCount'));
    return result as InstanceType<typeof InventoryItemConnection>;
  }

  @Authorized(...READERS)
  @Query(() => InventoryItem, {
    nullable: true,
    description: 'One inventory item by id, or null when there is none you may see.',
  })
  async inventoryItem(
    @Arg('id', () => ID, { description: 'The item’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InventoryItem | null> {
    return itemLoader(ctx).load(id);
  }

  @Authorized(...READERS)
  @Query(() => ItemAvailabilityConnection, {
    description: `Inventory items with their places and prices day by day over a period of at most ${MAX_QUERY_DAYS} days, oldest item first: a provider’s calendar, or what a manager can compose a package from. Without \`minAvailable\`, every item opened on at least one day of the period; with it, only items opened on every day with at least that many places free. The ministry and company managers see every provider’s items; a provider only its own.`,
  })
  async availability(
    @Arg('from', () => DateScalar, { description: 'First day of the period.' }) from: string,
    @Arg('to', () => DateScalar, {
      description: `Last day of the period (included), at most ${MAX_QUERY_DAYS} days on.`,
    })
    to: string,
    @Arg('filter', () => InventoryFilter, { nullable: true, description: 'Conditions the items must meet.' })
    filter: InventoryFilter | null,
    @Arg('minAvailable', () => Int, {
      nullable: true,
      description: 'Only items with at least this many places free on every day of the period (1 to 100000).',
    })
    minAvailable: number | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof ItemAvailabilityConnection>> {
    const result = await listAvailability(
      ctx.em,
      requireViewer(ctx),
      { from, to },
      filter,
      minAvailable,
      page,
      selects(info, 'totalCount'),
    );
    return result as InstanceType<typeof ItemAvailabilityConnection>;
  }

  @Authorized(...MINISTRY_ROLES, Role.PROVIDER)
  @Query(() => InventoryReservationConnection, {
    description:
      'Bookings’ reservations on inventory, oldest first: a provider sees those on its own items (with each booking’s BRN, status and company), the ministry everyone’s.',
  })
  async inventoryReservations(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => InventoryReservationFilter, {
      nullable: true,
      description: 'Conditions the reservations must meet.',
    })
    filter: InventoryReservationFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof InventoryReservationConnection>> {
    const result = await listReservations(ctx.em, requireViewer(ctx), filter, page, selects(info, 'totalCount'));
    return result as InstanceType<typeof InventoryReservationConnection>;
  }

  @Authorized(Role.PROVIDER)
  @Mutation(() => InventoryItem, {
    description:
      'Adds an item to your inventory (provider accounts): a room type, a route, a meal plan, a trip or an insurance product, of your provider’s kind. Open its days with setInventoryAllotments. Fails with INVENTORY_CODE_TAKEN or NO_INVENTORY_FOR_KIND (travel agents).',
  })
  createInventoryItem(
    @Arg('input', () => CreateInventoryItemInput, { description: 'The item.' }) input: CreateInventoryItemInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InventoryItem> {
    return createInventoryItem(ctx.em, requireViewer(ctx), input);
  }

  @Authorized(Role.PROVIDER)
  @Mutation(() => ItemAvailability, {
    description:
      'Sets the places and price of one of your items for every day of a period, one day at a time in the database, all or nothing (provider accounts); answers the item’s days of the period. Fails with CAPACITY_BELOW_RESERVED when bookings already hold more places on a day than the new capacity.',
  })
  setInventoryAllotments(
    @Arg('input', () => SetInventoryAllotmentsInput, { description: 'The item, the period, the places and the price.' })
    input: SetInventoryAllotmentsInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ItemAvailability> {
    return setAllotments(ctx.em, requireViewer(ctx), input);
  }

  @FieldResolver(() => ServiceProvider, { description: 'The provider that sells the item.' })
  async provider(@Root() item: InventoryItem, @Ctx() ctx: SubgraphContext): Promise<ServiceProvider> {
    const loader = ctx.loaders.get<string, ServiceProvider | null>('InventoryItem.provider', (ids) =>
      providersByIds(ctx.em, ctx.viewer, ids),
    );
    const provider = await loader.load(item.providerId);
    if (!provider) throw new Error(`inventory item ${item.id} has no provider ${item.providerId}`);
    return provider;
  }

  @FieldResolver(() => [InventoryDay], {
    description: `The item’s opened days in a period of at most ${MAX_QUERY_DAYS} days, in order; a day not opened is missing.`,
  })
  async days(
    @Root() item: InventoryItem,
    @Arg('from', () => DateScalar, { description: 'First day of the period.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day of the period (included).' }) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InventoryDay[]> {
    checkPeriod(from, to, MAX_QUERY_DAYS);
    // Whoever sees the item sees its days; one statement for every item of the response.
    const loader = ctx.loaders.get<string, InventoryDay[]>(`InventoryItem.days:${from}:${to}`, async (ids) => {
      const days = await daysOfItems(ctx.em, ids, from, to);
      return ids.map((id) => days.get(id) ?? []);
    });
    return loader.load(item.id);
  }
}

@Resolver(() => InventoryReservation)
export class InventoryReservationResolver {
  @FieldResolver(() => InventoryItem, { description: 'The item reserved.' })
  async item(@Root() reservation: InventoryReservation, @Ctx() ctx: SubgraphContext): Promise<InventoryItem> {
    const item = await itemLoader(ctx).load(reservation.itemId);
    if (!item) throw new Error(`reservation ${reservation.id} has no visible item ${reservation.itemId}`);
    return item;
  }
}

@Resolver(() => ServiceProvider)
export class ProviderInventoryResolver {
  @FieldResolver(() => InventoryItemConnection, {
    nullable: true,
    description:
      'The provider’s inventory items, oldest first; null unless you are the ministry, a company manager or this provider.',
  })
  async inventoryItems(
    @Root() provider: ServiceProvider,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof InventoryItemConnection> | null> {
    const withCount = selects(info, 'totalCount');
    const loader = ctx.loaders.get<string, Page<InventoryItem> | null>(
      `ServiceProvider.inventoryItems:${page.first}:${page.after ?? ''}:${withCount}`,
      (ids) => itemsOfProviders(ctx.em, ctx.viewer, ids, page, withCount),
    );
    return (await loader.load(provider.id)) as InstanceType<typeof InventoryItemConnection> | null;
  }
}
