import { Connection, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Company } from '../company/company.type';

export enum RedemptionStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  FULFILLED = 'FULFILLED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(RedemptionStatus, {
  name: 'LoyaltyRedemptionStatus',
  description: 'Where a reward request stands.',
  valuesConfig: {
    REQUESTED: { description: 'Requested by the company; its points and stock are held.' },
    APPROVED: { description: 'Approved by the programme staff; the reward is being delivered.' },
    FULFILLED: { description: 'Delivered to the company (final).' },
    REJECTED: { description: 'Rejected by the programme staff; points and stock were given back (final).' },
    CANCELLED: { description: 'Withdrawn by the company before a decision; points and stock were given back (final).' },
  },
});

@ObjectType('LoyaltyRedemption', {
  description:
    'A company’s request for a reward: its points are held when it asks, then it is approved and fulfilled, or rejected and refunded.',
})
export class LoyaltyRedemption {
  @Field(() => ID, { description: 'Stable identifier of the request.' })
  id!: string;

  @Field(() => Company, { description: 'The company that asked.' })
  company!: Company;

  rewardId!: string;

  @Field(() => Int, { description: 'Units requested.' })
  quantity!: number;

  @Field(() => Int, { description: 'Points held for it: the reward’s cost when requested × quantity.' })
  points!: number;

  @Field(() => RedemptionStatus, { description: 'Where it stands.' })
  status!: RedemptionStatus;

  @Field(() => DateTimeScalar, { description: 'When the company asked.' })
  requestedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was approved or rejected.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The staff’s note on approval, or the reason for rejection.' })
  decisionNote!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the reward was delivered.' })
  fulfilledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'How it was delivered (e.g. delivery reference).' })
  fulfilmentNote!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it last changed.' })
  updatedAt!: Date;
}

export const LoyaltyRedemptionConnection = Connection(LoyaltyRedemption, 'LoyaltyRedemption', 'reward request');
