import { StaffDocument, type StaffQuery } from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const STAFF_PAGE_SIZE = 50;

export type StaffRow = StaffQuery['accounts']['edges'][number]['node'];

/** The accounts of the manager's own company. */
export function useStaff() {
  return useConnection(StaffDocument, { first: STAFF_PAGE_SIZE }, (data) => data.accounts);
}
