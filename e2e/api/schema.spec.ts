import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { undocumented } from '@umrah/test-kit';
import { describe, expect, it } from 'vitest';
import { composeAll } from '../../scripts/compose';

const root = new URL('../../', import.meta.url);

describe('the supergraph', () => {
  it('composes, and the committed supergraph and subgraph schemas are up to date (npm run compose)', async () => {
    const { files } = await composeAll();
    for (const [path, text] of files) {
      expect(readFileSync(new URL(path, root), 'utf8'), `${path} is stale: run npm run compose`).toBe(text);
    }
  });

  it('describes every type, field, argument and enum value of the public API', () => {
    const supergraph = Supergraph.build(readFileSync(new URL('gateway/supergraph.graphql', root), 'utf8'));
    expect(undocumented(supergraph.apiSchema().toGraphQLJSSchema())).toEqual([]);
  });
});
