import { undocumented } from '@umrah/test-kit';
import { describe, expect, it } from 'vitest';
import { pilgrimsSubgraph } from '../src/index';

describe('pilgrims schema', () => {
  it('describes every type, field, argument and enum value', async () => {
    const { sdl } = await pilgrimsSubgraph.buildSchema();
    expect(undocumented(sdl)).toEqual([]);
  });

  it('owns Pilgrim and VisaApplication, extends Company and only references ExternalAgent', async () => {
    const { sdl } = await pilgrimsSubgraph.buildSchema();
    expect(sdl).toContain('type Pilgrim @key(fields: "id")');
    expect(sdl).toContain('type VisaApplication @key(fields: "id")');
    expect(sdl).toContain('type Company @key(fields: "id")');
    expect(sdl).toContain('type ExternalAgent @key(fields: "id", resolvable: false)');
  });
});
