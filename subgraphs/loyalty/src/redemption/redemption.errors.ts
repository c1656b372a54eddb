import { AppError } from '@umrah/subgraph-kit';

export enum RedemptionErrorCode {
  REWARD_NOT_AVAILABLE = 'REWARD_NOT_AVAILABLE',
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS',
  REDEMPTION_NOT_FOUND = 'REDEMPTION_NOT_FOUND',
  INVALID_REDEMPTION_TRANSITION = 'INVALID_REDEMPTION_TRANSITION',
}

export const rewardNotAvailable = (): AppError =>
  new AppError(
    RedemptionErrorCode.REWARD_NOT_AVAILABLE,
    'This reward cannot be requested today: it is not in the catalogue or outside its active dates.',
    { field: 'input.rewardId' },
  );

export const outOfStock = (stock: number): AppError =>
  new AppError(
    RedemptionErrorCode.OUT_OF_STOCK,
    stock === 0 ? 'This reward is out of stock.' : `Only ${stock} of this reward left in stock.`,
    { field: 'input.quantity', details: { stock } },
  );

export const insufficientPoints = (balance: number, cost: number): AppError =>
  new AppError(
    RedemptionErrorCode.INSUFFICIENT_POINTS,
    `This needs ${cost.toLocaleString('en')} points and the balance is ${balance.toLocaleString('en')}.`,
    { details: { balance, cost } },
  );

export const redemptionNotFound = (field = 'id'): AppError =>
  new AppError(RedemptionErrorCode.REDEMPTION_NOT_FOUND, 'There is no such reward request.', { field });

export const invalidTransition = (status: string, action: string): AppError =>
  new AppError(
    RedemptionErrorCode.INVALID_REDEMPTION_TRANSITION,
    `A request that is ${status.toLowerCase()} cannot be ${action}.`,
    { details: { status } },
  );
