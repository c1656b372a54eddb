import { PilgrimGroupsDocument, type PilgrimGroupsQuery } from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const GROUPS_PAGE_SIZE = 25;

export type GroupRow = PilgrimGroupsQuery['pilgrimGroups']['edges'][number]['node'];

/** Groups in the caller's slice (ministry: all; manager: own company's; agent: those it created). */
export function usePilgrimGroups() {
  return useConnection(PilgrimGroupsDocument, { first: GROUPS_PAGE_SIZE }, (data) => data.pilgrimGroups);
}
