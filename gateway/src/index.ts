export { composeSupergraph } from './compose';
export type { SubgraphSdl } from './compose';
export { startGateway } from './gateway';
export type { GatewayContext, GatewayOptions, RunningGateway } from './gateway';
