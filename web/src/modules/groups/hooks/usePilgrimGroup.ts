import { useQuery } from '@apollo/client/react';
import { PilgrimGroupDocument, type PilgrimGroupQuery } from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const GROUP_PILGRIMS_PAGE_SIZE = 25;

type Group = NonNullable<PilgrimGroupQuery['pilgrimGroup']>;
export type GroupPilgrimRow = Group['pilgrims']['edges'][number]['node'];

const NO_PILGRIMS: Group['pilgrims'] = { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/**
 * One group and its pilgrims a page at a time. `group` is null when there is no such group the
 * viewer may read (the API does not tell the two apart).
 */
export function usePilgrimGroup(id: string) {
  const variables = { id, first: GROUP_PILGRIMS_PAGE_SIZE };
  // Same document and variables: Apollo answers both hooks from one request and one cache entry.
  const { data, previousData, loading, error, refetch } = useQuery(PilgrimGroupDocument, { variables });
  const pilgrims = useConnection(PilgrimGroupDocument, variables, (d) => d.pilgrimGroup?.pilgrims ?? NO_PILGRIMS);
  const source = data ?? previousData;
  return {
    group: source?.pilgrimGroup ?? null,
    hasData: Boolean(source),
    loading,
    error,
    refetch: () => void refetch(),
    pilgrims,
  };
}
