import { DateScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BookingStatus } from '../booking/booking.type';
import { ProviderKind } from '../provider/provider.type';
import { MealPlan, RoomType } from './inventory.type';

@InputType('InventoryFilter', { description: 'Conditions the inventory items must meet; all that are given apply.' })
export class InventoryFilter {
  @Field(() => ID, { nullable: true, description: 'Only items of this provider.' })
  providerId?: string | null;

  @Field(() => ProviderKind, { nullable: true, description: 'Only items of this kind.' })
  kind?: ProviderKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only items of providers in this city (`Makkah`, `Madinah`, `Jeddah`…); letter case is ignored.',
  })
  city?: string | null;
}

@InputType('CreateInventoryItemInput', {
  description:
    'A new item of your inventory (provider accounts). Its kind is your provider’s kind; give exactly the details of that kind: a room type for a hotel, a meal plan for catering, a route for transport.',
})
export class CreateInventoryItemInput {
  @Field(() => String, {
    description:
      'Your code for the item: 2 to 40 capital letters, digits, dashes or underscores (letters are upper-cased), unique among your items.',
  })
  code!: string;

  @Field(() => String, { description: 'Name in Arabic, 2 to 200 characters.' })
  nameAr!: string;

  @Field(() => String, { description: 'Name in English, 2 to 200 characters.' })
  nameEn!: string;

  @Field(() => RoomType, { nullable: true, description: 'The room type: required for a hotel, refused otherwise.' })
  roomType?: RoomType | null;

  @Field(() => MealPlan, { nullable: true, description: 'The meal plan: required for catering, refused otherwise.' })
  mealPlan?: MealPlan | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the route starts, 2 to 80 characters: required for transport, refused otherwise.',
  })
  routeFrom?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the route ends, 2 to 80 characters, not where it starts: required for transport, refused otherwise.',
  })
  routeTo?: string | null;
}

@InputType('SetInventoryAllotmentsInput', {
  description:
    'Places and price of one of your items for every day of a period (provider accounts): a day not yet opened is opened, a day already opened gets the new capacity and price, and bookings already made stay.',
})
export class SetInventoryAllotmentsInput {
  @Field(() => ID, { description: 'The item: one of yours.' })
  itemId!: string;

  @Field(() => DateScalar, { description: 'First day of the period: today or later.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the period (included): at most 366 days after the first.' })
  to!: string;

  @Field(() => Int, {
    description:
      'Places on each day, 0 to 100000 (0 closes the days); never below what bookings already hold on any of them.',
  })
  capacity!: number;

  @Field(() => Int, { description: 'Price of one place each day, in halalas, 0 to 100000000.' })
  priceHalalas!: number;
}

@InputType('InventoryReservationFilter', {
  description: 'Conditions the reservations must meet; all that are given apply.',
})
export class InventoryReservationFilter {
  @Field(() => ID, { nullable: true, description: 'Only reservations on this provider’s inventory (the ministry).' })
  providerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only reservations of this item.' })
  itemId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only reservations with a day on or after this one.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only reservations with a day on or before this one.' })
  to?: string | null;

  @Field(() => BookingStatus, { nullable: true, description: 'Only reservations of bookings with this status.' })
  bookingStatus?: BookingStatus | null;
}
