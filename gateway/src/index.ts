export { composeSupergraph } from './compose';
export type { SubgraphSdl } from './compose';
export { operationCost } from './cost';
export { documentLimitRules, exceedsTokenLimit } from './document-limits';
export { startGateway } from './gateway';
export type { GatewayContext, GatewayOptions, RunningGateway } from './gateway';
export { DEFAULT_LIMITS, LimitErrorCode } from './limits';
export type { BucketLimit, GatewayLimits } from './limits';
