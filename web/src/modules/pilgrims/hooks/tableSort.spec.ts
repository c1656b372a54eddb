import { describe, expect, it } from 'vitest';
import { orderByOf, sortOrderOf, tableSortOf } from './tableSort';

const COLUMNS = ['name', 'nationality'] as const;

describe('table sort', () => {
  it('reads a header click as a sort of a server-sortable column, and a cleared one as none', () => {
    expect(tableSortOf({ columnKey: 'nationality', order: 'descend' }, COLUMNS)).toEqual({
      column: 'nationality',
      order: 'descend',
    });
    expect(tableSortOf([{ columnKey: 'name', order: 'ascend' }], COLUMNS)).toEqual({ column: 'name', order: 'ascend' });
    expect(tableSortOf({ columnKey: 'name', order: undefined }, COLUMNS)).toBeNull();
    expect(tableSortOf({ columnKey: 'sex', order: 'ascend' }, COLUMNS)).toBeNull();
  });

  it('shows the arrow on the sorted column only', () => {
    const sort = { column: 'name' as const, order: 'descend' as const };
    expect(sortOrderOf('name', sort)).toBe('descend');
    expect(sortOrderOf('nationality', sort)).toBeNull();
    expect(sortOrderOf('name', null)).toBeNull();
  });

  it('turns a sort into the API order argument', () => {
    const field = (column: (typeof COLUMNS)[number]) => (column === 'name' ? 'FAMILY_NAME_EN' : 'NATIONALITY');
    expect(orderByOf({ column: 'name', order: 'ascend' }, field)).toEqual({
      field: 'FAMILY_NAME_EN',
      direction: 'ASC',
    });
    expect(orderByOf({ column: 'nationality', order: 'descend' }, field)).toEqual({
      field: 'NATIONALITY',
      direction: 'DESC',
    });
    expect(orderByOf(null, field)).toBeNull();
  });
});
