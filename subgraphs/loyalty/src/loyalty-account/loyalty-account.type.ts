import { Connection, DateTimeScalar } from '@umrah/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Company } from '../company/company.type';
import { LoyaltyTier } from './tier';

export { LoyaltyTier };

registerEnumType(LoyaltyTier, {
  name: 'LoyaltyTier',
  description:
    'Al-Barakat tier of a company, set by the pilgrims it registered in the last 12 months (thresholds in the earning rules); higher tiers earn more points per pilgrim.',
  valuesConfig: {
    BRONZE: { description: 'Entry tier: points at the base rate.' },
    SILVER: { description: 'From the rules’ `silverFrom` pilgrims in 12 months.' },
    GOLD: { description: 'From the rules’ `goldFrom` pilgrims in 12 months.' },
    PLATINUM: { description: 'From the rules’ `platinumFrom` pilgrims in 12 months; the highest tier.' },
  },
});

@ObjectType('LoyaltyAccount', {
  description:
    'A company’s Al-Barakat loyalty account (البركات): points earned for pilgrims registered through the platform and redeemed for incentives. Opened by the company’s first registration. Readable by the ministry and by the managers of the company that holds it.',
})
@Directive('@key(fields: "id")')
export class LoyaltyAccount {
  @Field(() => ID, { description: 'Stable identifier of the account.' })
  id!: string;

  @Field(() => Int, { description: 'Points available now; never negative, always the sum of the account’s ledger.' })
  balance!: number;

  @Field(() => Company, { description: 'The company that holds the account.' })
  company!: Company;

  @Field(() => DateTimeScalar, { description: 'When the account was opened.' })
  openedAt!: Date;
}

export const LoyaltyAccountConnection = Connection(LoyaltyAccount, 'LoyaltyAccount', 'loyalty account');

@ObjectType('LoyaltyTierProgress', {
  description: 'Where the company stands in the tiers today, under the earning rules in force.',
})
export class LoyaltyTierProgress {
  @Field(() => LoyaltyTier, { description: 'The tier today.' })
  tier!: LoyaltyTier;

  @Field(() => Int, { description: 'Pilgrims the company registered in the last 12 months (what sets the tier).' })
  pilgrimsLast12Months!: number;

  @Field(() => Int, { description: 'The tier’s multiplier in percent (100 = base rate).' })
  multiplierPercent!: number;

  @Field(() => LoyaltyTier, { nullable: true, description: 'The next tier; null at the highest.' })
  nextTier!: LoyaltyTier | null;

  @Field(() => Int, { nullable: true, description: 'Pilgrims in 12 months from which the next tier starts.' })
  nextTierFrom!: number | null;

  @Field(() => Int, { nullable: true, description: 'More pilgrims needed to reach the next tier.' })
  pilgrimsToNextTier!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Points the company earns by registering those pilgrims, at today’s rate and multiplier (visa bonuses not counted).',
  })
  pointsToNextTier!: number | null;
}
