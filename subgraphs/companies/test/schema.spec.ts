import { undocumented } from '@umrah/test-kit';
import { describe, expect, it } from 'vitest';
import { companiesSubgraph } from '../src/index';

describe('the published schema', () => {
  it('documents every type, field, argument and enum value', async () => {
    const { sdl } = await companiesSubgraph.buildSchema();
    expect(undocumented(sdl)).toEqual([]);
  });

  it('owns Company and ExternalAgent and only references ServiceProvider', async () => {
    const { sdl } = await companiesSubgraph.buildSchema();
    expect(sdl).toContain('type Company @key(fields: "id")');
    expect(sdl).toContain('type ExternalAgent @key(fields: "id")');
    expect(sdl).toContain('type ServiceProvider @key(fields: "id", resolvable: false)');
  });
});
