import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { PilgrimsDocument, type PilgrimFilter, type PilgrimsQuery } from '@/generated/graphql';

export const PILGRIMS_PAGE_SIZE = 25;

export type PilgrimRow = PilgrimsQuery['pilgrims']['edges'][number]['node'];

/** Pilgrims in the caller's slice (ministry: all, manager: own company, agent: own), filtered server-side. */
export function usePilgrims(filter: PilgrimFilter) {
  const { data, previousData, loading, error, networkStatus, fetchMore, refetch } = useQuery(PilgrimsDocument, {
    variables: { first: PILGRIMS_PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.pilgrims;
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
      if (endCursor) void fetchMore({ variables: { after: endCursor } });
    },
  };
}
