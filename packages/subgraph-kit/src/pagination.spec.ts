import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { checkPageSize, decodeCursor, encodeCursor, toPage } from './pagination';

const id = (n: number): string => `0190f5a2-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('cursor pagination', () => {
  it('round-trips a cursor and refuses one it did not issue, naming the field', () => {
    expect(decodeCursor(encodeCursor(id(7)))).toBe(id(7));
    try {
      decodeCursor('bm90LWEtdXVpZA');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('accepts page sizes from 1 to 100 only', () => {
    expect(checkPageSize(1)).toBe(1);
    expect(checkPageSize(100)).toBe(100);
    for (const bad of [0, -1, 101, 2.5]) expect(() => checkPageSize(bad)).toThrow(/between 1 and 100/);
  });

  it('reads one extra row to know whether a next page exists', () => {
    const rows = [1, 2, 3].map((n) => ({ id: id(n) }));
    const page = toPage(rows, 2, 3);
    expect(page.edges.map((e) => e.node.id)).toEqual([id(1), id(2)]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(id(2)) });
    expect(toPage(rows, 3).pageInfo.hasNextPage).toBe(false);
  });
});
