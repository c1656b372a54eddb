import { ApiClientsDocument, type ApiClientsQuery } from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const API_CLIENTS_PAGE_SIZE = 50;

export type ApiClientRow = ApiClientsQuery['apiClients']['edges'][number]['node'];

/** The API clients of the signed-in party (company, agent or provider). */
export function useApiClients() {
  return useConnection(ApiClientsDocument, { first: API_CLIENTS_PAGE_SIZE }, (data) => data.apiClients);
}
