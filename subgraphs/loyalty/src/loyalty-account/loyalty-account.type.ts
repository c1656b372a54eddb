import { Connection } from '@umrah/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Company } from '../company/company.type';
import { LoyaltyTier, TIER_FLOORS } from './tier';

export { LoyaltyTier };

const points = (n: number): string => `${n.toLocaleString('en')} points`;

registerEnumType(LoyaltyTier, {
  name: 'LoyaltyTier',
  description: 'Al-Barakat tier of a company, set by its points balance; higher tiers unlock more rewards.',
  valuesConfig: {
    BRONZE: { description: `Entry tier, below ${points(TIER_FLOORS.SILVER)}.` },
    SILVER: { description: `From ${points(TIER_FLOORS.SILVER)}.` },
    GOLD: { description: `From ${points(TIER_FLOORS.GOLD)}.` },
    PLATINUM: { description: `From ${points(TIER_FLOORS.PLATINUM)}, the highest tier.` },
  },
});

@ObjectType('LoyaltyAccount', {
  description:
    'A company’s Al-Barakat loyalty account (البركات): points earned for pilgrims registered through the platform and redeemed for incentives. Readable by the ministry and by the managers of the company that holds it.',
})
@Directive('@key(fields: "id")')
export class LoyaltyAccount {
  @Field(() => ID, { description: 'Stable identifier of the account.' })
  id!: string;

  @Field(() => Int, { description: 'Points available now; never negative, always the sum of the account’s ledger.' })
  balance!: number;

  @Field(() => LoyaltyTier, { description: 'Tier the balance places the company in.' })
  tier!: LoyaltyTier;

  @Field(() => Company, { description: 'The company that holds the account.' })
  company!: Company;
}

export const LoyaltyAccountConnection = Connection(LoyaltyAccount, 'LoyaltyAccount', 'loyalty account');
