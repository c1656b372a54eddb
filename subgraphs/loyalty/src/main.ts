import { runSubgraph } from '@umrah/subgraph-kit';
import { loyaltySubgraph } from './index';

await runSubgraph(loyaltySubgraph);
