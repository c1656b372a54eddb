import { describe, expect, it } from 'vitest';
import type { RegisterPilgrimsRowInput } from '@/generated/graphql';
import { chunk, chunkKey } from './importChunks';

const row = (passportNumber: string) => ({ passportNumber }) as RegisterPilgrimsRowInput;

describe('chunks and their keys', () => {
  it('splits rows into calls of at most the given size, in order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 100)).toEqual([]);
  });

  it('gives the same chunk the same key, and a changed row, company or file a new one', async () => {
    const key = await chunkKey('file', 'company', 0, [row('A1')]);
    expect(key).toMatch(/^pilgrim-import-[0-9a-f]{64}$/);
    expect(key.length).toBeLessThanOrEqual(200);
    expect(await chunkKey('file', 'company', 0, [row('A1')])).toBe(key);
    expect(await chunkKey('file', 'company', 0, [row('A2')])).not.toBe(key);
    expect(await chunkKey('file', 'other', 0, [row('A1')])).not.toBe(key);
    expect(await chunkKey('other', 'company', 0, [row('A1')])).not.toBe(key);
    expect(await chunkKey('file', 'company', 1, [row('A1')])).not.toBe(key);
  });
});
