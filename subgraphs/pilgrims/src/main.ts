import { runSubgraph } from '@umrah/subgraph-kit';
import { pilgrimsSubgraph } from './index';

await runSubgraph(pilgrimsSubgraph);
