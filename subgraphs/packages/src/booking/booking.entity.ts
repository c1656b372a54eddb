import { defineEntity, p } from '@umrah/db-kit';

export const BookingEntity = defineEntity({
  name: 'Booking',
  tableName: 'booking',
  properties: {
    id: p.uuid().primary(),
    bookingReference: p.string().unique(),
    // The pilgrim is owned by the pilgrims subgraph: a plain id, joined in the graph by key.
    pilgrimId: p.uuid(),
    companyId: p.uuid(),
    packageId: p.uuid(),
    startsOn: p.string().columnType('date'),
    endsOn: p.string().columnType('date'),
    status: p.string(),
    createdBy: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
    // When an unpaid hold lapses (set when the booking is taken); null only on bookings from before holds lapsed.
    heldUntil: p.datetime().nullable(),
    confirmedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    cancelReason: p.string().nullable(),
    expiredAt: p.datetime().nullable(),
    paymentReference: p.string().nullable(),
    idempotencyKey: p.string().nullable(),
  },
});

export type BookingRow = InstanceType<typeof BookingEntity.class>;
