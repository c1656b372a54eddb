import {
  PilgrimsDocument,
  type PilgrimFilter,
  type PilgrimOrder,
  type PilgrimOrderField,
  type PilgrimsQuery,
} from '@/generated/graphql';
import type { Language } from '@/lib/locale';
import { useConnection } from '@/lib/useConnection';
import { orderByOf, type TableSort } from './tableSort';

export const PILGRIMS_PAGE_SIZE = 25;

export type PilgrimRow = PilgrimsQuery['pilgrims']['edges'][number]['node'];

/** The table's columns the server sorts by. */
export const PILGRIM_SORT_COLUMNS = ['name', 'nationality', 'dob', 'passportExpires'] as const;
export type PilgrimSortColumn = (typeof PILGRIM_SORT_COLUMNS)[number];
export type PilgrimSort = TableSort<PilgrimSortColumn>;

/** The name column sorts by family name, in the script the reader sees first. */
export function pilgrimOrderOf(sort: PilgrimSort | null, language: Language): PilgrimOrder | null {
  return orderByOf<PilgrimSortColumn, PilgrimOrderField>(sort, (column) => {
    if (column === 'name') return language === 'ar' ? 'FAMILY_NAME_AR' : 'FAMILY_NAME_EN';
    if (column === 'nationality') return 'NATIONALITY';
    if (column === 'dob') return 'DATE_OF_BIRTH';
    return 'PASSPORT_EXPIRES_ON';
  });
}

/**
 * Pilgrims in the caller's slice (ministry: all, manager: own company, agent: own), filtered and
 * sorted server-side; a new order starts again from the first page.
 */
export function usePilgrims(filter: PilgrimFilter, orderBy: PilgrimOrder | null = null) {
  return useConnection(
    PilgrimsDocument,
    { first: PILGRIMS_PAGE_SIZE, filter, ...(orderBy ? { orderBy } : {}) },
    (data) => data.pilgrims,
  );
}
