import { AppError } from '@umrah/subgraph-kit';

export enum RewardErrorCode {
  REWARD_NOT_FOUND = 'REWARD_NOT_FOUND',
  STOCK_WOULD_BE_NEGATIVE = 'STOCK_WOULD_BE_NEGATIVE',
}

export const rewardNotFound = (field?: string): AppError =>
  new AppError(RewardErrorCode.REWARD_NOT_FOUND, 'There is no such reward in the catalogue.', field ? { field } : {});

export const stockWouldBeNegative = (stock: number): AppError =>
  new AppError(
    RewardErrorCode.STOCK_WOULD_BE_NEGATIVE,
    `Only ${stock} left in stock: the stock cannot go below zero.`,
    { field: 'input.stockChange', details: { stock } },
  );
