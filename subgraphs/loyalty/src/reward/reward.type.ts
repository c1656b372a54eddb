import { Connection, DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RewardCategory {
  COMPUTER_SYSTEMS = 'COMPUTER_SYSTEMS',
  NETWORK_EQUIPMENT = 'NETWORK_EQUIPMENT',
  TOURISM_FORUM = 'TOURISM_FORUM',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}

registerEnumType(RewardCategory, {
  name: 'LoyaltyRewardCategory',
  description: 'Kind of incentive a reward is.',
  valuesConfig: {
    COMPUTER_SYSTEMS: { description: 'Computers and computer systems.' },
    NETWORK_EQUIPMENT: { description: 'Network equipment.' },
    TOURISM_FORUM: { description: 'A place at an international tourism forum or exhibition.' },
    TRAINING: { description: 'Training for the company’s staff.' },
    OTHER: { description: 'Any other incentive.' },
  },
});

@ObjectType('LoyaltyReward', {
  description:
    'An incentive of the Al-Barakat catalogue that companies redeem points for, managed by the programme’s staff at the ministry.',
})
@Directive('@key(fields: "id")')
export class LoyaltyReward {
  @Field(() => ID, { description: 'Stable identifier of the reward.' })
  id!: string;

  @Field(() => RewardCategory, { description: 'Kind of incentive.' })
  category!: RewardCategory;

  @Field(() => String, { description: 'Name in Arabic.' })
  nameAr!: string;

  @Field(() => String, { description: 'Name in English.' })
  nameEn!: string;

  @Field(() => String, { description: 'Description in Arabic.' })
  descriptionAr!: string;

  @Field(() => String, { description: 'Description in English.' })
  descriptionEn!: string;

  @Field(() => Int, { description: 'Points one unit costs.' })
  costPoints!: number;

  @Field(() => Int, { description: 'Units left to redeem; requests hold units at once, rejections give them back.' })
  stock!: number;

  @Field(() => DateScalar, { description: 'First day it can be requested.' })
  activeFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day it can be requested; null for no end.' })
  activeUntil!: string | null;

  @Field(() => Boolean, { description: 'Whether today (in the Kingdom) lies within its active dates.' })
  active!: boolean;

  @Field(() => DateTimeScalar, { description: 'When it was added to the catalogue.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When it last changed (including its stock).' })
  updatedAt!: Date;
}

export const LoyaltyRewardConnection = Connection(LoyaltyReward, 'LoyaltyReward', 'reward');
