import { DateScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';
import { BookingStatus } from './booking.type';

@InputType('BookPackageInput', { description: 'A pilgrim to book on one of your company’s approved packages.' })
export class BookPackageInput {
  @Field(() => ID, { description: 'The package: one of your company’s, approved by the ministry.' })
  packageId!: string;

  @Field(() => ID, { description: 'The pilgrim, one your company registered (from the pilgrims registry).' })
  pilgrimId!: string;

  @Field(() => DateScalar, {
    description: 'First day of the stay: today or later, and not before the package’s first day.',
  })
  startsOn!: string;

  @Field(() => DateScalar, {
    description:
      'Last day of the stay: exactly the package’s nights (Makkah plus Madinah) after the first day, and not after the package’s last day.',
  })
  endsOn!: string;
}

@InputType('BookingFilter', { description: 'Conditions the bookings must meet; all that are given apply.' })
export class BookingFilter {
  @Field(() => BookingStatus, { nullable: true, description: 'Only bookings with this status.' })
  status?: BookingStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only bookings of this package.' })
  packageId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only bookings of this pilgrim.' })
  pilgrimId?: string | null;
}
