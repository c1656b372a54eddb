import { AgencyContractsDocument, type AgencyContractFilter } from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const CONTRACTS_PAGE_SIZE = 25;

/** Agency contracts in the caller's slice (ministry: all; manager: own company; agent: own). */
export function useAgencyContracts(filter: AgencyContractFilter) {
  return useConnection(AgencyContractsDocument, { first: CONTRACTS_PAGE_SIZE, filter }, (data) => data.agencyContracts);
}
