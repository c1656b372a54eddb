import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useMemo } from 'react';
// The committed supergraph, bundled at build time: production turns introspection off.
import supergraphSdl from '../../../../../gateway/supergraph.graphql?raw';
import { apiSchemaFromSupergraph } from '../lib/apiSchema';
import { bearerHeaders } from '../lib/scopes';

// GraphiQL finds a plugin by its title; this one is the schema documentation.
const DOCS_PLUGIN_TITLE = 'Documentation Explorer';

const EXAMPLE_QUERY = `# Your API client sees exactly what its party may see.
{
  companies(first: 10) {
    edges {
      node {
        nameEn
      }
    }
  }
}
`;

/** Storage that forgets on unmount: a token must not outlive the page in localStorage. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/**
 * GraphiQL against this app's own /graphql (the gateway behind the same origin). It sends only
 * the headers in its editor, pre-filled with the API client's token, never the person's session.
 */
export function GraphiQLPane({ accessToken, showDocs }: { accessToken: string; showDocs: boolean }) {
  const fetcher = useMemo(() => createGraphiQLFetcher({ url: `${window.location.origin}/graphql` }), []);
  const storage = useMemo(memoryStorage, []);
  const schema = useMemo(() => apiSchemaFromSupergraph(supergraphSdl), []);
  return (
    <div className="graphiql-host" dir="ltr" lang="en">
      <GraphiQL
        fetcher={fetcher}
        schema={schema}
        storage={storage}
        initialQuery={EXAMPLE_QUERY}
        initialHeaders={bearerHeaders(accessToken)}
        shouldPersistHeaders={false}
        defaultEditorToolsVisibility="headers"
        visiblePlugin={showDocs ? DOCS_PLUGIN_TITLE : undefined}
        forcedTheme="light"
      />
    </div>
  );
}
