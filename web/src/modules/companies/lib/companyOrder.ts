import type { CompanyOrder } from '@/generated/graphql';
import type { Language } from '@/lib/locale';

/** The orders the list offers; names sort in the language the user reads them in. */
export const SORT_OPTIONS = [
  'nameArAsc',
  'nameArDesc',
  'nameEnAsc',
  'nameEnDesc',
  'expiresAsc',
  'expiresDesc',
  'newest',
  'oldest',
] as const;

export type SortKey = (typeof SORT_OPTIONS)[number];

const ORDERS: Record<SortKey, CompanyOrder> = {
  nameArAsc: { field: 'NAME_AR', direction: 'ASC' },
  nameArDesc: { field: 'NAME_AR', direction: 'DESC' },
  nameEnAsc: { field: 'NAME_EN', direction: 'ASC' },
  nameEnDesc: { field: 'NAME_EN', direction: 'DESC' },
  expiresAsc: { field: 'LICENSE_EXPIRES_ON', direction: 'ASC' },
  expiresDesc: { field: 'LICENSE_EXPIRES_ON', direction: 'DESC' },
  newest: { field: 'CREATED_AT', direction: 'DESC' },
  oldest: { field: 'CREATED_AT', direction: 'ASC' },
};

export function orderFromSort(key: SortKey): CompanyOrder {
  return ORDERS[key];
}

type TableOrder = 'ascend' | 'descend' | null;

/** A click on a sortable column header, as a sort choice (null clears it). */
export function sortKeyOf(columnKey: string, order: TableOrder, language: Language): SortKey | undefined {
  if (!order) return undefined;
  const asc = order === 'ascend';
  if (columnKey === 'name') {
    if (language === 'ar') return asc ? 'nameArAsc' : 'nameArDesc';
    return asc ? 'nameEnAsc' : 'nameEnDesc';
  }
  if (columnKey === 'expires') return asc ? 'expiresAsc' : 'expiresDesc';
  return undefined;
}

/** The arrow a column header shows for the current sort choice. */
export function sortOrderFor(columnKey: 'name' | 'expires', sort: SortKey | undefined): TableOrder {
  if (!sort) return null;
  const { field, direction } = ORDERS[sort];
  const column = field === 'LICENSE_EXPIRES_ON' ? 'expires' : field === 'CREATED_AT' ? null : 'name';
  if (column !== columnKey) return null;
  return direction === 'ASC' ? 'ascend' : 'descend';
}
