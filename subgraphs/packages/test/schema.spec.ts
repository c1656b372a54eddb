import { undocumented } from '@umrah/test-kit';
import { describe, expect, it } from 'vitest';
import { packagesSubgraph } from '../src/index';

describe('the published schema', () => {
  it('documents every type, field, argument and enum value', async () => {
    const { sdl } = await packagesSubgraph.buildSchema();
    expect(undocumented(sdl)).toEqual([]);
  });

  it('declares its entities by key and extends Company by id', async () => {
    const { sdl } = await packagesSubgraph.buildSchema();
    expect(sdl).toMatch(/type ServicePackage @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type ServiceProvider @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Company @key\(fields: "id"\)/);
  });

  it('declares bookings by key and adds the live booking to Pilgrim, reachable by id', async () => {
    const { sdl } = await packagesSubgraph.buildSchema();
    expect(sdl).toMatch(/type Booking @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Pilgrim @key\(fields: "id"\) \{[^}]*\bbooking: Booking\n/);
  });
});
