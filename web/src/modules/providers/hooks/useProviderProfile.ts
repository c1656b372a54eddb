import { useQuery } from '@apollo/client/react';
import { ProviderProfileDocument } from '@/generated/graphql';

export function useProviderProfile() {
  const { data, loading, error, refetch } = useQuery(ProviderProfileDocument);
  return {
    provider: data?.me?.provider ?? null,
    hasData: Boolean(data),
    loading,
    error,
    refetch: () => void refetch(),
  };
}
