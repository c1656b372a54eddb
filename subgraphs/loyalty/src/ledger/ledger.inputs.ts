import { DateScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LedgerEntryKind } from './ledger.type';

@InputType('LoyaltyLedgerFilter', { description: 'Which ledger entries to list.' })
export class LoyaltyLedgerFilter {
  @Field(() => [LedgerEntryKind], { nullable: true, description: 'Only entries of these kinds.' })
  kinds?: LedgerEntryKind[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only entries recorded on or after this day (Riyadh).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only entries recorded on or before this day (Riyadh).' })
  to?: string | null;
}

@InputType('AdjustLoyaltyPointsInput', { description: 'A correction of a company’s points by a ministry officer.' })
export class AdjustLoyaltyPointsInput {
  @Field(() => ID, { description: 'The company whose points change.' })
  companyId!: string;

  @Field(() => Int, {
    description:
      'Points to add (positive) or take (negative), not zero, up to 10,000,000 either way; the balance cannot go below zero.',
  })
  points!: number;

  @Field(() => String, { description: 'Why (3–1000 characters); the company sees it on its statement.' })
  reason!: string;
}
