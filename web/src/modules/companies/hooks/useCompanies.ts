import { CompaniesDocument, type CompaniesQuery, type CompanyFilter, type CompanyOrder } from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const COMPANIES_PAGE_SIZE = 20;

export type CompanyRow = CompaniesQuery['companies']['edges'][number]['node'];

/** The ministry's company list: filtered and sorted server-side, one cursor page at a time. */
export function useCompanies(filter: CompanyFilter, orderBy: CompanyOrder | null) {
  return useConnection(
    CompaniesDocument,
    { first: COMPANIES_PAGE_SIZE, filter, ...(orderBy ? { orderBy } : {}) },
    (data) => data.companies,
  );
}
