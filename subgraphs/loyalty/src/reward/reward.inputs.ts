import { DateScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RewardCategory } from './reward.type';

@InputType('LoyaltyRewardFilter', { description: 'Which rewards of the catalogue to list.' })
export class LoyaltyRewardFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Also list rewards outside their active dates (the ministry only; managers always see active ones).',
  })
  includeInactive?: boolean | null;

  @Field(() => RewardCategory, { nullable: true, description: 'Only rewards of this kind.' })
  category?: RewardCategory | null;
}

@InputType('CreateLoyaltyRewardInput', { description: 'A reward to add to the catalogue.' })
export class CreateLoyaltyRewardInput {
  @Field(() => RewardCategory, { description: 'Kind of incentive.' })
  category!: RewardCategory;

  @Field(() => String, { description: 'Name in Arabic (1–120 characters).' })
  nameAr!: string;

  @Field(() => String, { description: 'Name in English (1–120 characters).' })
  nameEn!: string;

  @Field(() => String, { description: 'Description in Arabic (1–2000 characters).' })
  descriptionAr!: string;

  @Field(() => String, { description: 'Description in English (1–2000 characters).' })
  descriptionEn!: string;

  @Field(() => Int, { description: 'Points one unit costs (1–100,000,000).' })
  costPoints!: number;

  @Field(() => Int, { description: 'Units available (0–1,000,000).' })
  stock!: number;

  @Field(() => DateScalar, { description: 'First day it can be requested.' })
  activeFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day it can be requested; none when left out.' })
  activeUntil?: string | null;
}

@InputType('UpdateLoyaltyRewardInput', {
  description:
    'Changes to a reward. A field left out keeps its value. Requests already made keep the cost they were made at.',
})
export class UpdateLoyaltyRewardInput {
  @Field(() => ID, { description: 'The reward to change.' })
  id!: string;

  @Field(() => RewardCategory, { nullable: true, description: 'Kind of incentive.' })
  category?: RewardCategory | null;

  @Field(() => String, { nullable: true, description: 'Name in Arabic (1–120 characters).' })
  nameAr?: string | null;

  @Field(() => String, { nullable: true, description: 'Name in English (1–120 characters).' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Description in Arabic (1–2000 characters).' })
  descriptionAr?: string | null;

  @Field(() => String, { nullable: true, description: 'Description in English (1–2000 characters).' })
  descriptionEn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Points one unit costs (1–100,000,000), for requests from now on.' })
  costPoints?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Units to add (positive) or withdraw (negative). A change rather than a new total, so requests made meanwhile are never lost; the stock cannot go below zero.',
  })
  stockChange?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day it can be requested.' })
  activeFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day it can be requested; pass null to remove the end date, leave out to keep it.',
  })
  activeUntil?: string | null;
}
