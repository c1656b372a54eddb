import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { CompaniesDocument, type CompaniesQuery, type CompanyFilter } from '@/generated/graphql';

export const COMPANIES_PAGE_SIZE = 20;

export type CompanyRow = CompaniesQuery['companies']['edges'][number]['node'];

/** The ministry's company list: filtered server-side, one cursor page at a time. */
export function useCompanies(filter: CompanyFilter) {
  const { data, previousData, loading, error, networkStatus, fetchMore, refetch } = useQuery(CompaniesDocument, {
    variables: { first: COMPANIES_PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.companies;
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
