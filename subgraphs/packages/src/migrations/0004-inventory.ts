import { Migration } from '@umrah/db-kit';

/**
 * Maqam inventory: what each provider offers (an item: a hotel room type, a transport route, a
 * catering plan, an enrichment trip, an insurance product) and, per item and day, how many places
 * there are and how many bookings hold. `reserved` never leaves 0..capacity, whatever the code does:
 * concurrent bookings cannot overbook. Bookings record what they reserved, so a cancellation gives
 * back exactly that.
 */
export class Inventory extends Migration {
  override name = '0004-inventory';

  up(): void {
    // Target of the item's composite key: an item's kind is its provider's kind.
    this.addSql(`alter table service_provider add constraint service_provider_id_kind_key unique (id, kind)`);
    this.addSql(`
      create table inventory_item (
        id uuid primary key,
        provider_id uuid not null,
        kind text not null check (kind in ('HOTEL', 'TRANSPORT', 'CATERING', 'ENRICHMENT', 'INSURANCE')),
        code text not null check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
        name_ar text not null check (char_length(name_ar) between 2 and 200),
        name_en text not null check (char_length(name_en) between 2 and 200),
        room_type text check (room_type in ('SINGLE', 'DOUBLE', 'TRIPLE', 'QUAD', 'SUITE')),
        meal_plan text check (meal_plan in ('BREAKFAST', 'HALF_BOARD', 'FULL_BOARD')),
        route_from text check (char_length(route_from) between 2 and 80),
        route_to text check (char_length(route_to) between 2 and 80),
        created_at timestamptz not null default now(),
        constraint inventory_item_provider_fk foreign key (provider_id, kind) references service_provider (id, kind),
        constraint inventory_item_code_key unique (provider_id, code),
        constraint inventory_item_id_provider_key unique (id, provider_id),
        -- Each kind carries exactly its own details: a room type for hotels, a meal plan for
        -- catering, a route for transport, nothing more for enrichment trips and insurance.
        constraint inventory_item_details_check check (
          (room_type is not null) = (kind = 'HOTEL')
          and (meal_plan is not null) = (kind = 'CATERING')
          and (route_from is not null) = (kind = 'TRANSPORT')
          and (route_to is not null) = (kind = 'TRANSPORT')
        )
      )`);
    // Lists are read page by page in id order (keyset), per provider or per kind.
    this.addSql(`create index inventory_item_provider_idx on inventory_item (provider_id, id)`);
    this.addSql(`create index inventory_item_kind_idx on inventory_item (kind, id)`);
    this.addSql(`
      create table inventory_allotment (
        item_id uuid not null references inventory_item (id),
        day date not null,
        capacity integer not null check (capacity between 0 and 100000),
        reserved integer not null default 0,
        price_halalas integer not null check (price_halalas between 0 and 100000000),
        updated_at timestamptz not null default now(),
        primary key (item_id, day),
        -- The rule that makes overbooking impossible: no update may take reserved past capacity,
        -- and no capacity may drop below what is already reserved.
        constraint inventory_allotment_reserved_check check (reserved between 0 and capacity)
      )`);
    this.addSql(`
      create table booking_reservation (
        id uuid primary key,
        booking_id uuid not null references booking (id),
        item_id uuid not null,
        provider_id uuid not null,
        first_day date not null,
        days integer not null check (days between 1 and 91),
        quantity integer not null check (quantity between 1 and 1000),
        constraint booking_reservation_item_fk foreign key (item_id, provider_id) references inventory_item (id, provider_id),
        constraint booking_reservation_key unique (booking_id, item_id, first_day)
      )`);
    // A provider reads the reservations on its inventory page by page; a booking reads its own.
    this.addSql(`create index booking_reservation_provider_idx on booking_reservation (provider_id, id)`);
    this.addSql(`create index booking_reservation_booking_idx on booking_reservation (booking_id)`);
    this.addSql(`create index booking_reservation_item_idx on booking_reservation (item_id, first_day)`);
  }
}
