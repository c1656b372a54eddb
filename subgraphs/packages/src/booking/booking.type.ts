import { Connection, DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Company } from '../company/company.type';
import { Pilgrim } from './pilgrim.type';

export enum BookingStatus {
  HELD = 'HELD',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(BookingStatus, {
  name: 'BookingStatus',
  description:
    'Where a booking stands: held, then confirmed once paid; cancelled from either; expired when a hold is not paid in time.',
  valuesConfig: {
    HELD: {
      description:
        'Taken for the pilgrim but not yet paid; it does not yet count for a visa. It holds its inventory places until `heldUntil`, then expires.',
    },
    CONFIRMED: {
      description: 'Paid and confirmed: the booking a visa may be issued on, as long as it is not cancelled.',
    },
    CANCELLED: { description: 'Cancelled, with a reason; final. The pilgrim may be booked again.' },
    EXPIRED: {
      description:
        'Not paid by its hold deadline (`heldUntil`): its inventory places were given back; final. The pilgrim may be booked again.',
    },
  },
});

@ObjectType('Booking', {
  description:
    'A pilgrim’s booking of an approved service package for a stay, identified by its booking reference number (BRN). A confirmed booking is what the visa issuance requires. Readable by the ministry and by the managers of the company that sells the package.',
})
@Directive('@key(fields: "id")')
export class Booking {
  @Field(() => ID, { description: 'Stable identifier of the booking.' })
  id!: string;

  @Field(() => String, {
    description: 'Booking reference number (BRN): `BRN-` and ten capital letters or digits, unique.',
  })
  bookingReference!: string;

  @Field(() => BookingStatus, { description: 'Where the booking stands.' })
  status!: BookingStatus;

  @Field(() => DateScalar, { description: 'First day of the stay.' })
  startsOn!: string;

  @Field(() => DateScalar, { description: 'Last day of the stay (the day of leaving); after the first day.' })
  endsOn!: string;

  @Field(() => Int, { description: 'Nights of the stay: the days from the first day to the last.' })
  nights!: number;

  @Field(() => Pilgrim, {
    nullable: true,
    description: 'The pilgrim booked; null when the pilgrims registry has no such pilgrim you may see.',
  })
  pilgrim!: Pilgrim | null;

  @Field(() => Company, { description: 'The company that sells the package and took the booking.' })
  company!: Company;

  /** Resolved by a field resolver (batched); the id stays for it. */
  packageId!: string;

  @Field(() => DateTimeScalar, { description: 'When the booking was taken.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Hold deadline: a HELD booking not confirmed by then expires and gives its inventory places back (the hold period is a setting of the service, 24 hours by default). Kept after the booking moves on; null only for bookings taken before holds had a deadline.',
  })
  heldUntil!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the booking was confirmed, if it was.' })
  confirmedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Reference of the payment that confirmed the booking; null until it is confirmed.',
  })
  paymentReference!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the booking was cancelled, if it was.' })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the booking was cancelled, if it was.' })
  cancelReason!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the booking expired for want of payment, if it did.',
  })
  expiredAt!: Date | null;
}

export const BookingConnection = Connection(Booking, 'Booking', 'booking');
