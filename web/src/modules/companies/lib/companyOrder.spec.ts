import { describe, expect, it } from 'vitest';
import { orderFromSort, sortKeyOf, sortOrderFor } from './companyOrder';

describe('company list order', () => {
  it('turns a sort choice into the API order', () => {
    expect(orderFromSort('nameArAsc')).toEqual({ field: 'NAME_AR', direction: 'ASC' });
    expect(orderFromSort('expiresDesc')).toEqual({ field: 'LICENSE_EXPIRES_ON', direction: 'DESC' });
    expect(orderFromSort('newest')).toEqual({ field: 'CREATED_AT', direction: 'DESC' });
  });

  it('sorts names by the language on screen when a header is clicked', () => {
    expect(sortKeyOf('name', 'ascend', 'ar')).toBe('nameArAsc');
    expect(sortKeyOf('name', 'descend', 'en')).toBe('nameEnDesc');
    expect(sortKeyOf('expires', 'ascend', 'en')).toBe('expiresAsc');
    expect(sortKeyOf('name', null, 'en')).toBeUndefined();
  });

  it('shows the arrow on the column being sorted only', () => {
    expect(sortOrderFor('name', 'nameEnDesc')).toBe('descend');
    expect(sortOrderFor('expires', 'nameEnDesc')).toBeNull();
    expect(sortOrderFor('name', 'newest')).toBeNull();
    expect(sortOrderFor('expires', undefined)).toBeNull();
  });
});
