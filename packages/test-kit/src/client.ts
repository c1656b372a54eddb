import type { GraphQLFormattedError } from 'graphql';
import type { Viewer } from '@umrah/subgraph-kit';
import { tokenFor } from './identity';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
  status: number;
}

/** Who sends a request: a Viewer (a token is signed for it), a raw token string, or nobody. */
export type Caller = Viewer | string | null | undefined;

export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  caller?: Caller,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const token = typeof caller === 'string' ? caller : caller ? await tokenFor(caller) : null;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { ...body, status: response.status };
}

/** The error codes of a response, for assertions such as `expect(codes(r)).toEqual(['FORBIDDEN'])`. */
export const codes = (response: GraphQLResponse<unknown>): string[] =>
  (response.errors ?? []).map((e) => String(e.extensions?.['code']));
