import { Connection, DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BookingStatus } from '../booking/booking.type';
import { Company } from '../company/company.type';
import { ProviderKind } from '../provider/provider.type';

export enum RoomType {
  SINGLE = 'SINGLE',
  DOUBLE = 'DOUBLE',
  TRIPLE = 'TRIPLE',
  QUAD = 'QUAD',
  SUITE = 'SUITE',
}

registerEnumType(RoomType, {
  name: 'RoomType',
  description: 'How many pilgrims share a hotel room of this type.',
  valuesConfig: {
    SINGLE: { description: 'One pilgrim per room.' },
    DOUBLE: { description: 'Two pilgrims per room.' },
    TRIPLE: { description: 'Three pilgrims per room.' },
    QUAD: { description: 'Four pilgrims per room.' },
    SUITE: { description: 'A suite, usually for a family.' },
  },
});

export enum MealPlan {
  BREAKFAST = 'BREAKFAST',
  HALF_BOARD = 'HALF_BOARD',
  FULL_BOARD = 'FULL_BOARD',
}

registerEnumType(MealPlan, {
  name: 'MealPlan',
  description: 'Which meals a catering plan serves each day (إعاشة).',
  valuesConfig: {
    BREAKFAST: { description: 'Breakfast only.' },
    HALF_BOARD: { description: 'Breakfast and one main meal.' },
    FULL_BOARD: { description: 'Three meals a day.' },
  },
});

@ObjectType('InventoryItem', {
  description:
    'Something a provider sells through Maqam, with places per day: a hotel room type (places are beds, one pilgrim each, per night), a transport route (seats per day), a catering plan (pilgrims served per day), an enrichment trip (seats per day) or an insurance product (policies starting that day). Readable by the ministry and company managers (who compose packages from it); a provider sees only its own.',
})
export class InventoryItem {
  @Field(() => ID, { description: 'Stable identifier of the item.' })
  id!: string;

  /** Resolved by a field resolver (batched); the id stays for it. */
  providerId!: string;

  @Field(() => ProviderKind, { description: 'What kind of service the item is; always its provider’s kind.' })
  kind!: ProviderKind;

  @Field(() => String, {
    description: 'The provider’s own code for the item (`DBL-HARAM-VIEW`, `JED-MAK`), unique per provider.',
  })
  code!: string;

  @Field(() => String, { description: 'Name of the item in Arabic.' })
  nameAr!: string;

  @Field(() => String, { description: 'Name of the item in English.' })
  nameEn!: string;

  @Field(() => RoomType, { nullable: true, description: 'For a hotel item, the room type; null otherwise.' })
  roomType!: RoomType | null;

  @Field(() => MealPlan, { nullable: true, description: 'For a catering item, the meal plan; null otherwise.' })
  mealPlan!: MealPlan | null;

  @Field(() => String, { nullable: true, description: 'For a transport item, where the route starts; null otherwise.' })
  routeFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'For a transport item, where the route ends; null otherwise.' })
  routeTo!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the provider created the item.' })
  createdAt!: Date;
}

@ObjectType('InventoryDay', { description: 'One day of an inventory item: its places, how many are taken, its price.' })
export class InventoryDay {
  @Field(() => DateScalar, { description: 'The day (for a hotel, the night starting that day).' })
  day!: string;

  @Field(() => Int, { description: 'Places the provider offers that day.' })
  capacity!: number;

  @Field(() => Int, { description: 'Places held or confirmed by bookings that day; never more than the capacity.' })
  reserved!: number;

  @Field(() => Int, { description: 'Places still free that day: capacity minus reserved.' })
  available!: number;

  @Field(() => Int, { description: 'Price of one place that day, in halalas (1 SAR = 100 halalas).' })
  priceHalalas!: number;
}

@ObjectType('ItemAvailability', {
  description: 'An inventory item with its days in the asked period, for a calendar or a package builder.',
})
export class ItemAvailability {
  /** The item's id, which pages the list. */
  id!: string;

  @Field(() => InventoryItem, { description: 'The item.' })
  item!: InventoryItem;

  @Field(() => [InventoryDay], {
    description: 'The item’s days in the period, in order; a day the provider has not opened is missing.',
  })
  days!: InventoryDay[];

  @Field(() => Boolean, { description: 'True when the provider has opened every day of the period.' })
  coversPeriod!: boolean;

  @Field(() => Int, {
    description: 'The fewest places free on any day of the period; 0 when a day of the period is not opened.',
  })
  fewestAvailable!: number;
}

@ObjectType('InventoryReservation', {
  description:
    'Places of one inventory item held by one booking for consecutive days: what a provider sees of the bookings on its inventory. Readable by the ministry, by the provider of the item, and by managers of the company that took the booking (through the booking).',
})
export class InventoryReservation {
  @Field(() => ID, { description: 'Stable identifier of the reservation.' })
  id!: string;

  /** Resolved by a field resolver (batched); the id stays for it. */
  itemId!: string;

  @Field(() => DateScalar, { description: 'First day (or night) reserved.' })
  firstDay!: string;

  @Field(() => DateScalar, { description: 'Last day (or night) reserved.' })
  lastDay!: string;

  @Field(() => Int, { description: 'Number of days (or nights) reserved.' })
  days!: number;

  @Field(() => Int, { description: 'Places reserved on each of those days.' })
  quantity!: number;

  @Field(() => String, { description: 'Booking reference number (BRN) of the booking that holds the places.' })
  bookingReference!: string;

  @Field(() => BookingStatus, {
    description: 'Where the booking stands; a CANCELLED booking has given its places back.',
  })
  bookingStatus!: BookingStatus;

  @Field(() => Company, { description: 'The company that took the booking.' })
  company!: Company;
}

export const InventoryItemConnection = Connection(InventoryItem, 'InventoryItem', 'inventory item');
export const ItemAvailabilityConnection = Connection(ItemAvailability, 'ItemAvailability', 'item’s availability');
export const InventoryReservationConnection = Connection(
  InventoryReservation,
  'InventoryReservation',
  'inventory reservation',
);
