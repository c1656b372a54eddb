import type { SubgraphContext } from '@umrah/subgraph-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { accountsOfCompanies } from '../loyalty-account/loyalty-account.service';
import { LoyaltyAccount } from '../loyalty-account/loyalty-account.type';
import { Company } from './company.type';

@Resolver(() => Company)
export class CompanyLoyaltyResolver {
  @FieldResolver(() => LoyaltyAccount, {
    nullable: true,
    description:
      'The company’s Al-Barakat loyalty account; null when it has none, or unless you are the ministry or a manager of this company.',
  })
  async loyalty(@Root() company: Company, @Ctx() ctx: SubgraphContext): Promise<LoyaltyAccount | null> {
    return ctx.loaders
      .get<string, LoyaltyAccount | null>('Company.loyalty', (ids) => accountsOfCompanies(ctx.em, ctx.viewer, ids))
      .load(company.id);
  }
}
