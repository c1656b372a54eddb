import { MINISTRY_ROLES, PageArgs, Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { reservationsOfBookings } from '../inventory/reservation.service';
import { InventoryReservation } from '../inventory/inventory.type';
import { packagesByIds } from '../service-package/service-package.service';
import { ServicePackage } from '../service-package/service-package.type';
import { BookPackageInput, BookingFilter } from './booking.inputs';
import {
  bookPackage,
  bookingsByIds,
  cancelBooking,
  confirmBooking,
  listBookings,
  liveBookingsOfPilgrims,
} from './booking.service';
import { Booking, BookingConnection } from './booking.type';
import { Pilgrim } from './pilgrim.type';

const READERS = [...MINISTRY_ROLES, Role.COMPANY_MANAGER];

@Resolver(() => Booking)
export class BookingResolver {
  @Authorized(...READERS)
  @Query(() => BookingConnection, {
    description:
      'Bookings, oldest first. The ministry sees every company’s (read-only); a company manager only their own company’s.',
  })
  async bookings(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => BookingFilter, { nullable: true, description: 'Conditions the bookings must meet.' })
    filter: BookingFilter | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof BookingConnection>> {
    return (await listBookings(ctx.em, requireViewer(ctx), page, filter, info)) as InstanceType<
      typeof BookingConnection
    >;
  }

  @Authorized(...READERS)
  @Query(() => Booking, { nullable: true, description: 'One booking by id, or null when there is none you may see.' })
  async booking(
    @Arg('id', () => ID, { description: 'The booking’s id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Booking | null> {
    const [booking] = await bookingsByIds(ctx.em, ctx.viewer, [id]);
    return booking ?? null;
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => Booking, {
    description:
      'Books one of your company’s pilgrims on one of its APPROVED packages (company managers); the booking is HELD until confirmed, and expires if it is not confirmed by its hold deadline (`heldUntil`). The stay must start today or later, lie within the package’s dates and last exactly its nights. In the same transaction it takes one place of every component’s inventory on each day that component uses, all or nothing, so concurrent bookings never exceed a provider’s capacity. Fails with PACKAGE_NOT_APPROVED, BOOKING_OUTSIDE_PACKAGE_DATES, BOOKING_LENGTH_MISMATCH, BOOKING_STARTS_IN_THE_PAST, PILGRIM_ALREADY_BOOKED (a pilgrim has at most one held or confirmed booking) or INVENTORY_UNAVAILABLE (naming the item and day short of places).',
  })
  bookPackage(
    @Arg('input', () => BookPackageInput, { description: 'The package, the pilgrim and the stay.' })
    input: BookPackageInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'A key of your choosing (1 to 200 characters) that makes a retried call safe: the same key from the same account returns the booking of the first call instead of booking again (IDEMPOTENCY_KEY_REUSED if the first call asked for a different booking).',
    })
    idempotencyKey: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Booking> {
    return bookPackage(ctx.em, requireViewer(ctx), input, idempotencyKey);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => Booking, {
    description:
      'Confirms a HELD booking of your company once it is paid (company managers), while its package is still approved; the visa issuance then counts it. It must be confirmed before its hold deadline (`heldUntil`); after it the booking expires and gives its places back. Repeating the call with the same payment reference returns the booking unchanged. Fails with INVALID_BOOKING_TRANSITION (also when the hold has lapsed, even before the expiry job has run) or PACKAGE_NOT_APPROVED.',
  })
  confirmBooking(
    @Arg('id', () => ID, { description: 'The booking’s id.' }) id: string,
    @Arg('paymentReference', () => String, {
      description: 'Reference of the payment: 3 to 64 letters, digits, dashes, slashes or underscores.',
    })
    paymentReference: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Booking> {
    return confirmBooking(ctx.em, requireViewer(ctx), id, paymentReference);
  }

  @Authorized(Role.COMPANY_MANAGER)
  @Mutation(() => Booking, {
    description:
      'Cancels a HELD or CONFIRMED booking of your company, with a reason (company managers), and gives its inventory places back. A cancellation is final; the pilgrim may then be booked again. Fails with INVALID_BOOKING_TRANSITION for a booking already cancelled or expired.',
  })
  cancelBooking(
    @Arg('id', () => ID, { description: 'The booking’s id.' }) id: string,
    @Arg('reason', () => String, { description: 'Why the booking is cancelled, 3 to 500 characters.' })
    reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Booking> {
    return cancelBooking(ctx.em, requireViewer(ctx), id, reason);
  }

  @FieldResolver(() => ServicePackage, { description: 'The package booked.' })
  async package(@Root() booking: Booking, @Ctx() ctx: SubgraphContext): Promise<ServicePackage> {
    // Whoever sees the booking sees its package (same company, or the ministry); batched per response.
    const loader = ctx.loaders.get<string, ServicePackage | null>('Booking.package', (ids) =>
      packagesByIds(ctx.em, ctx.viewer, ids),
    );
    const pkg = await loader.load(booking.packageId);
    if (!pkg) throw new Error(`booking ${booking.id} names package ${booking.packageId}, which is out of reach`);
    return pkg;
  }

  @FieldResolver(() => [InventoryReservation], {
    description:
      'The inventory places the booking holds (or held, once cancelled), one entry per package component; empty for a package composed before Maqam inventory.',
  })
  reservations(@Root() booking: Booking, @Ctx() ctx: SubgraphContext): Promise<InventoryReservation[]> {
    // Whoever sees the booking sees what it reserved; one statement for every booking of the response.
    const loader = ctx.loaders.get<string, InventoryReservation[]>('Booking.reservations', (ids) =>
      reservationsOfBookings(ctx.em, ids),
    );
    return loader.load(booking.id);
  }
}

@Resolver(() => Pilgrim)
export class PilgrimBookingResolver {
  @FieldResolver(() => Booking, {
    nullable: true,
    description:
      'The pilgrim’s live booking (held or confirmed), or null when there is none you may see. Read by the ministry and the managers of the company that took it.',
  })
  async booking(@Root() pilgrim: Pilgrim, @Ctx() ctx: SubgraphContext): Promise<Booking | null> {
    const loader = ctx.loaders.get<string, Booking | null>('Pilgrim.booking', (ids) =>
      liveBookingsOfPilgrims(ctx.em, ctx.viewer, ids),
    );
    return loader.load(pilgrim.id);
  }
}
