import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdjustLoyaltyPointsDocument,
  ApproveLoyaltyRedemptionDocument,
  CancelLoyaltyRedemptionDocument,
  CreateLoyaltyRewardDocument,
  FulfilLoyaltyRedemptionDocument,
  LoyaltyAccountsDocument,
  LoyaltyRedemptionsDocument,
  LoyaltyRewardsDocument,
  MyLoyaltyDocument,
  MyLoyaltyLedgerDocument,
  RejectLoyaltyRedemptionDocument,
  RequestLoyaltyRedemptionDocument,
  SetLoyaltyEarningRulesDocument,
  UpdateLoyaltyRewardDocument,
  type CreateLoyaltyRewardInput,
  type LoyaltyLedgerFilter,
  type LoyaltyRedemptionFilter,
  type LoyaltyRedemptionsQuery,
  type LoyaltyRewardFilter,
  type LoyaltyRewardsQuery,
  type MyLoyaltyLedgerQuery,
  type SetLoyaltyEarningRulesInput,
  type UpdateLoyaltyRewardInput,
  type LoyaltyAccountsQuery,
} from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const LOYALTY_PAGE_SIZE = 25;

export type RewardRow = LoyaltyRewardsQuery['loyaltyRewards']['edges'][number]['node'];
export type RedemptionRow = LoyaltyRedemptionsQuery['loyaltyRedemptions']['edges'][number]['node'];
export type LedgerRow = NonNullable<
  NonNullable<NonNullable<MyLoyaltyLedgerQuery['me']>['company']>['loyalty']
>['ledger']['edges'][number]['node'];
export type AccountRow = LoyaltyAccountsQuery['loyaltyAccounts']['edges'][number]['node'];

const EMPTY = { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** The manager's account, the rules in force and the company's name. */
export function useMyLoyalty() {
  const { data, loading, error, refetch } = useQuery(MyLoyaltyDocument);
  return {
    company: data?.me?.company ?? null,
    account: data?.me?.company?.loyalty ?? null,
    rules: data?.loyaltyEarningRules ?? null,
    hasData: Boolean(data),
    loading,
    error,
    refetch: () => void refetch(),
  };
}

export function useMyLedger(filter: LoyaltyLedgerFilter) {
  return useConnection(
    MyLoyaltyLedgerDocument,
    { first: LOYALTY_PAGE_SIZE, filter },
    (data) => data.me?.company?.loyalty?.ledger ?? EMPTY,
  );
}

export function useRewards(filter: LoyaltyRewardFilter) {
  return useConnection(LoyaltyRewardsDocument, { first: LOYALTY_PAGE_SIZE, filter }, (data) => data.loyaltyRewards);
}

export function useRedemptions(filter: LoyaltyRedemptionFilter) {
  return useConnection(
    LoyaltyRedemptionsDocument,
    { first: LOYALTY_PAGE_SIZE, filter },
    (data) => data.loyaltyRedemptions,
  );
}

export function useLoyaltyAccounts() {
  return useConnection(LoyaltyAccountsDocument, { first: LOYALTY_PAGE_SIZE }, (data) => data.loyaltyAccounts);
}

// Every change moves balances, stock or a request's state: the lists and figures are asked again.
const REFETCH = [
  'MyLoyalty',
  'MyLoyaltyLedger',
  'LoyaltyRewards',
  'LoyaltyRedemptions',
  'LoyaltyProgramme',
  'LoyaltyAccounts',
];

/** The Al-Barakat changes; each rejects with the API's refusal. */
export function useLoyaltyActions() {
  const options = { refetchQueries: REFETCH, awaitRefetchQueries: true };
  const [request] = useMutation(RequestLoyaltyRedemptionDocument, options);
  const [cancel] = useMutation(CancelLoyaltyRedemptionDocument, options);
  const [approve] = useMutation(ApproveLoyaltyRedemptionDocument, options);
  const [fulfil] = useMutation(FulfilLoyaltyRedemptionDocument, options);
  const [reject] = useMutation(RejectLoyaltyRedemptionDocument, options);
  const [create] = useMutation(CreateLoyaltyRewardDocument, options);
  const [update] = useMutation(UpdateLoyaltyRewardDocument, options);
  const [adjust] = useMutation(AdjustLoyaltyPointsDocument, options);
  const [setRules] = useMutation(SetLoyaltyEarningRulesDocument, options);
  return {
    request: (rewardId: string, quantity: number, idempotencyKey: string) =>
      request({ variables: { input: { rewardId, quantity }, idempotencyKey } }),
    cancel: (id: string) => cancel({ variables: { id } }),
    approve: (id: string, note?: string) => approve({ variables: { input: { id, note: note ?? null } } }),
    fulfil: (id: string, note?: string) => fulfil({ variables: { input: { id, note: note ?? null } } }),
    reject: (id: string, reason: string) => reject({ variables: { input: { id, reason } } }),
    createReward: (input: CreateLoyaltyRewardInput) => create({ variables: { input } }),
    updateReward: (input: UpdateLoyaltyRewardInput) => update({ variables: { input } }),
    adjust: (companyId: string, points: number, reason: string) =>
      adjust({ variables: { input: { companyId, points, reason } } }),
    setRules: (input: SetLoyaltyEarningRulesInput) => setRules({ variables: { input } }),
  };
}
