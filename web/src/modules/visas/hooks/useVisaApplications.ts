import {
  VisaApplicationsDocument,
  type VisaApplicationFilter,
  type VisaApplicationOrder,
  type VisaApplicationOrderField,
  type VisaRowFragment,
} from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';
import { orderByOf, type TableSort } from '@/modules/pilgrims/hooks/tableSort';

export const VISAS_PAGE_SIZE = 25;

export type VisaRow = VisaRowFragment;

/** The visa tables' columns the server sorts by, and the API field behind each. */
const VISA_ORDER_FIELDS = {
  nationality: 'NATIONALITY',
  submitted: 'SUBMITTED_AT',
  stayUntil: 'STAY_UNTIL',
} as const satisfies Record<string, VisaApplicationOrderField>;

export type VisaSortColumn = keyof typeof VISA_ORDER_FIELDS;
export const VISA_SORT_COLUMNS = Object.keys(VISA_ORDER_FIELDS) as VisaSortColumn[];
export type VisaSort = TableSort<VisaSortColumn>;

export function visaOrderOf(sort: VisaSort | null): VisaApplicationOrder | null {
  return orderByOf<VisaSortColumn, VisaApplicationOrderField>(sort, (column) => VISA_ORDER_FIELDS[column]);
}

/**
 * Visa applications in the caller's slice (ministry: all; manager: own company; agent: own),
 * filtered and sorted server-side; a new order starts again from the first page.
 */
export function useVisaApplications(filter: VisaApplicationFilter, orderBy: VisaApplicationOrder | null = null) {
  return useConnection(
    VisaApplicationsDocument,
    { first: VISAS_PAGE_SIZE, filter, ...(orderBy ? { orderBy } : {}) },
    (data) => data.visaApplications,
  );
}
