import { VisaApplicationsDocument, type VisaApplicationFilter, type VisaRowFragment } from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const VISAS_PAGE_SIZE = 25;

export type VisaRow = VisaRowFragment;

/** Visa applications in the caller's slice (ministry: all; manager: own company; agent: own), filtered server-side. */
export function useVisaApplications(filter: VisaApplicationFilter) {
  return useConnection(VisaApplicationsDocument, { first: VISAS_PAGE_SIZE, filter }, (data) => data.visaApplications);
}
