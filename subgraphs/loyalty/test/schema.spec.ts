import { undocumented } from '@umrah/test-kit';
import { describe, expect, it } from 'vitest';
import { loyaltySubgraph } from '../src/index';

describe('the published schema', () => {
  it('documents every type, field, argument and enum value', async () => {
    const { sdl } = await loyaltySubgraph.buildSchema();
    expect(undocumented(sdl)).toEqual([]);
  });

  it('declares its entity by key and extends Company by id', async () => {
    const { sdl } = await loyaltySubgraph.buildSchema();
    expect(sdl).toMatch(/type LoyaltyAccount @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Company @key\(fields: "id"\)/);
  });
});
