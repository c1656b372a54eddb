import { NetworkStatus, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';

interface ConnectionShape<TNode> {
  totalCount: number;
  edges: { node: TNode }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** A cursor-paginated list as a page shows it: rows so far, totals and its loading and error states. */
export interface ConnectionState<TNode> {
  rows: TNode[];
  totalCount: number;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  hasData: boolean;
  error: unknown;
  refetch: () => void;
  loadMore: () => void;
}

/**
 * A cursor-paginated list query: rows so far, totals, load-more and the loading/error states every
 * list page shows. `select` picks the connection out of the query's data.
 */
export function useConnection<TData, TVars extends OperationVariables & { after?: string | null }, TNode>(
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  select: (data: TData) => ConnectionShape<TNode>,
): ConnectionState<TNode> {
  const { data, previousData, loading, error, networkStatus, fetchMore, refetch } = useQuery<TData, TVars>(document, {
    variables,
    notifyOnNetworkStatusChange: true,
  } as useQuery.Options<TData, TVars>);
  const source = (data ?? previousData) as TData | undefined;
  const connection = source ? select(source) : undefined;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  return {
    rows: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount ?? 0,
    hasNextPage: connection?.pageInfo.hasNextPage ?? false,
    loading: loading && networkStatus !== NetworkStatus.fetchMore,
    loadingMore: networkStatus === NetworkStatus.fetchMore,
    hasData: Boolean(connection),
    error,
    refetch: () => void refetch(),
    loadMore: () => {
      if (endCursor) void fetchMore({ variables: { after: endCursor } as Partial<TVars> });
    },
  };
}
