import { runSubgraph } from '@umrah/subgraph-kit';
import { packagesSubgraph } from './index';

await runSubgraph(packagesSubgraph);
