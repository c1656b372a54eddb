import { useQuery } from '@apollo/client/react';
import { CompanyOverviewDocument } from '@/generated/graphql';

/**
 * The manager's home in one request across the four subgraphs. errorPolicy "all": if one subgraph
 * fails, the others' sections still show and the page says what is missing.
 */
export function useCompanyOverview() {
  const { data, loading, error, refetch } = useQuery(CompanyOverviewDocument, { errorPolicy: 'all' });
  return { company: data?.me?.company ?? null, hasData: Boolean(data), loading, error, refetch: () => void refetch() };
}
