import { DateScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PackageStatus } from './service-package.type';

@InputType('PackageComponentInput', {
  description:
    'One service of the package: an inventory item for consecutive days of the stay. Day 0 is the day of arrival and day N (the package’s nights) the day of leaving; hotel nights lie within days 0 to N−1.',
})
export class PackageComponentInput {
  @Field(() => ID, {
    description:
      'The inventory item (any provider’s): a room type, a route, a meal plan, a trip or an insurance product.',
  })
  itemId!: string;

  @Field(() => Int, { description: 'Day of the stay the component starts on, from 0.' })
  dayOffset!: number;

  @Field(() => Int, { description: 'How many consecutive days (for a hotel, nights) it uses, at least 1.' })
  days!: number;
}

@InputType('ServicePackageInput', {
  description:
    'A service package as a whole: its names, price, nights, sale period and components. A draft may still be incomplete; to be submitted, its Makkah hotel components must give exactly its Makkah nights and its Madinah hotel components exactly its Madinah nights, without two hotels on the same night.',
})
export class ServicePackageInput {
  @Field(() => String, { description: 'Name in Arabic, as shown to pilgrims, 2 to 200 characters.' })
  nameAr!: string;

  @Field(() => String, { description: 'Name in English, as shown to pilgrims, 2 to 200 characters.' })
  nameEn!: string;

  @Field(() => Int, { description: 'Price per pilgrim in halalas (1 SAR = 100 halalas), at least 1.' })
  priceHalalas!: number;

  @Field(() => Int, { description: 'Nights in Makkah, 0 or more.' })
  makkahNights!: number;

  @Field(() => Int, { description: 'Nights in Madinah, 0 or more; with the Makkah nights, 1 to 90 nights in all.' })
  madinahNights!: number;

  @Field(() => DateScalar, { description: 'First day the package may be sold (the earliest arrival).' })
  saleStartsOn!: string;

  @Field(() => DateScalar, {
    description:
      'Last day of the sale period (the latest day of leaving): today or later, and long enough for one stay.',
  })
  saleEndsOn!: string;

  @Field(() => [PackageComponentInput], { description: 'The services, in the order to show them; at most 30.' })
  components!: PackageComponentInput[];
}

@InputType('ServicePackageFilter', { description: 'Conditions the packages must meet; all that are given apply.' })
export class ServicePackageFilter {
  @Field(() => PackageStatus, { nullable: true, description: 'Only packages with this status.' })
  status?: PackageStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only packages of this company (the ministry).' })
  companyId?: string | null;
}
