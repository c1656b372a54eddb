import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';

export interface PlanFetches {
  /** Subgraph fetches the gateway makes for the operation (what a statement budget is measured against). */
  total: number;
  /** The same, per subgraph. */
  bySubgraph: Record<string, number>;
}

/** Counts the fetch nodes in the gateway's query plan for an operation, as the gateway would build it. */
export function planner(supergraphSdl: string): (query: string, variables?: Record<string, unknown>) => PlanFetches {
  const supergraph = Supergraph.build(supergraphSdl);
  const queryPlanner = new QueryPlanner(supergraph);
  return (query, variables = {}) => {
    const operation = operationFromDocument(supergraph.schema, parse(query), { validate: true });
    const plan = queryPlanner.buildQueryPlan(operation);
    const bySubgraph: Record<string, number> = {};
    const walk = (node: PlanNode | undefined): void => {
      if (!node) return;
      switch (node.kind) {
        case 'Fetch':
          bySubgraph[node.serviceName] = (bySubgraph[node.serviceName] ?? 0) + 1;
          return;
        case 'Sequence':
        case 'Parallel':
          node.nodes.forEach(walk);
          return;
        case 'Flatten':
          walk(node.node);
          return;
        case 'Condition':
          walk(variables[node.condition] ? node.ifClause : node.elseClause);
          return;
        case 'Defer':
          walk(node.primary.node);
          node.deferred.forEach((d) => walk(d.node));
          return;
      }
    };
    walk(plan.node as PlanNode | undefined);
    return { total: Object.values(bySubgraph).reduce((a, b) => a + b, 0), bySubgraph };
  };
}

export interface SubgraphCall {
  subgraph: 'companies' | 'pilgrims' | 'packages' | 'loyalty';
  query: string;
  variables: Record<string, unknown>;
}

/**
 * The requests the gateway sends to the subgraphs for an operation whose entity fetches all start
 * from one `Company` (the manager overview): the root fetch, then each `_entities` fetch with that
 * company's representation — to call them directly, without the gateway.
 */
export function companySubgraphCalls(
  supergraphSdl: string,
  query: string,
  variables: Record<string, unknown>,
  companyId: string,
): SubgraphCall[] {
  const supergraph = Supergraph.build(supergraphSdl);
  const plan = new QueryPlanner(supergraph).buildQueryPlan(
    operationFromDocument(supergraph.schema, parse(query), { validate: true }),
  );
  const calls: SubgraphCall[] = [];
  const walk = (node: PlanNode | undefined, entity: boolean): void => {
    if (!node) return;
    if (node.kind === 'Fetch') {
      const own = Object.fromEntries((node.variableUsages ?? []).map((v) => [v, variables[v]]));
      if (entity && !/on Company\b/.test(node.operation)) throw new Error('only Company entity fetches are supported');
      calls.push({
        subgraph: node.serviceName as SubgraphCall['subgraph'],
        query: node.operation,
        variables: entity ? { ...own, representations: [{ __typename: 'Company', id: companyId }] } : own,
      });
    } else if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach((n) => walk(n, entity));
    else if (node.kind === 'Flatten') walk(node.node, true);
    else throw new Error(`plan node ${node.kind} is not supported here`);
  };
  walk(plan.node as PlanNode | undefined, false);
  return calls;
}
