/** Scopes a party may grant its API client; the API narrows a token to them within the party's slice. */
import type { ApiScope } from '@/generated/graphql';

export const API_SCOPES: readonly ApiScope[] = ['READ', 'WRITE'];

export type { ApiScope };

/** The header GraphiQL sends with every request, as the JSON its header editor shows. */
export function bearerHeaders(accessToken: string): string {
  return JSON.stringify({ Authorization: `Bearer ${accessToken}` }, null, 2);
}

/** Credentials handed from the API access page to the explorer in memory (router state), never in the URL. */
export interface ExplorerCredentials {
  clientId: string;
  clientSecret: string;
}

export function isExplorerCredentials(value: unknown): value is ExplorerCredentials {
  return (
    typeof value === 'object' &&
    value !== null &&
    'clientId' in value &&
    'clientSecret' in value &&
    typeof value.clientId === 'string' &&
    typeof value.clientSecret === 'string'
  );
}
