import { runSubgraph } from '@umrah/subgraph-kit';
import { companiesSubgraph } from './index';

await runSubgraph(companiesSubgraph);
