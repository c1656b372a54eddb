import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import type { SortDirection } from '@/generated/graphql';

/** A list's server-side sort as the table shows it: which column, which way. */
export interface TableSort<Column extends string> {
  column: Column;
  order: 'ascend' | 'descend';
}

/**
 * The sort after a click on a header (antd Table `onChange`): one of `columns`, or null when the
 * click cleared it or the column is not one the server sorts by.
 */
export function tableSortOf<Row, Column extends string>(
  sorter: SorterResult<Row> | SorterResult<Row>[],
  columns: readonly Column[],
): TableSort<Column> | null {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  const column = String(one?.columnKey ?? '') as Column;
  if (!one?.order || !columns.includes(column)) return null;
  return { column, order: one.order };
}

/** The arrow a column header shows (antd `sortOrder`), so the header always reflects the list's order. */
export function sortOrderOf<Column extends string>(column: Column, sort: TableSort<Column> | null): SortOrder {
  return sort?.column === column ? sort.order : null;
}

/** The antd column props of a header the server sorts by; none when the list is not sortable here. */
export function sortableColumn<Column extends string>(
  column: Column,
  sort: TableSort<Column> | null,
  sortable = true,
): { sorter?: true; sortOrder?: SortOrder; sortDirections?: SortOrder[] } {
  if (!sortable) return {};
  return { sorter: true, sortOrder: sortOrderOf(column, sort), sortDirections: ['ascend', 'descend'] };
}

/** The `orderBy` argument for a sort, with the API field each column sorts by; null for the default order. */
export function orderByOf<Column extends string, Field extends string>(
  sort: TableSort<Column> | null,
  fieldOf: (column: Column) => Field,
): { field: Field; direction: SortDirection } | null {
  if (!sort) return null;
  return { field: fieldOf(sort.column), direction: sort.order === 'ascend' ? 'ASC' : 'DESC' };
}
