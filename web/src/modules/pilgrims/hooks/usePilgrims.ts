import { PilgrimsDocument, type PilgrimFilter, type PilgrimsQuery } from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const PILGRIMS_PAGE_SIZE = 25;

export type PilgrimRow = PilgrimsQuery['pilgrims']['edges'][number]['node'];

/** Pilgrims in the caller's slice (ministry: all, manager: own company, agent: own), filtered server-side. */
export function usePilgrims(filter: PilgrimFilter) {
  return useConnection(PilgrimsDocument, { first: PILGRIMS_PAGE_SIZE, filter }, (data) => data.pilgrims);
}
