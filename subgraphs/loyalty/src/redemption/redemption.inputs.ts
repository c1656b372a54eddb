import { Field, ID, InputType, Int } from 'type-graphql';
import { RedemptionStatus } from './redemption.type';

@InputType('RequestLoyaltyRedemptionInput', { description: 'A reward the company asks for.' })
export class RequestLoyaltyRedemptionInput {
  @Field(() => ID, { description: 'The reward, active today.' })
  rewardId!: string;

  @Field(() => Int, { defaultValue: 1, description: 'Units wanted (1–100).' })
  quantity: number = 1;
}

@InputType('DecideLoyaltyRedemptionInput', { description: 'An approval or fulfilment of a reward request.' })
export class DecideLoyaltyRedemptionInput {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A note for the company (1–1000 characters).' })
  note?: string | null;
}

@InputType('RejectLoyaltyRedemptionInput', { description: 'A rejection of a reward request, with its reason.' })
export class RejectLoyaltyRedemptionInput {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @Field(() => String, { description: 'Why it is rejected (3–1000 characters); the company sees it.' })
  reason!: string;
}

@InputType('LoyaltyRedemptionFilter', { description: 'Which reward requests to list.' })
export class LoyaltyRedemptionFilter {
  @Field(() => [RedemptionStatus], { nullable: true, description: 'Only requests in these states.' })
  statuses?: RedemptionStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this company’s requests (the ministry).' })
  companyId?: string | null;
}
