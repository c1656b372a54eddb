import { buildFederatedSchema, type FederatedSchema } from '@umrah/subgraph-kit';
import { CompanyLoyaltyResolver } from './company/company.resolver';
import { companyReferences } from './company/company.service';
import { AccountLedgerResolver, LedgerEntryResolver } from './ledger/ledger.resolver';
import { LoyaltyAccountResolver } from './loyalty-account/loyalty-account.resolver';
import { accountsByIds } from './loyalty-account/loyalty-account.service';
import { RedemptionResolver } from './redemption/redemption.resolver';
import { RewardResolver } from './reward/reward.resolver';
import { rewardsByIds } from './reward/reward.service';
import { EarningRulesResolver } from './rules/rules.resolver';
import { RewardFiguresResolver, StatisticsResolver } from './statistics/statistics.resolver';

export function buildLoyaltySchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      LoyaltyAccountResolver,
      AccountLedgerResolver,
      LedgerEntryResolver,
      CompanyLoyaltyResolver,
      EarningRulesResolver,
      RewardResolver,
      RedemptionResolver,
      StatisticsResolver,
      RewardFiguresResolver,
    ],
    references: {
      Company: async (ids, ctx) => companyReferences(ctx.viewer, ids),
      LoyaltyAccount: (ids, ctx) => accountsByIds(ctx.em, ctx.viewer, ids),
      LoyaltyReward: (ids, ctx) => rewardsByIds(ctx.em, ctx.viewer, ids),
    },
  });
}
