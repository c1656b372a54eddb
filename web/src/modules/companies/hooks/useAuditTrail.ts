import { AuditTrailDocument, type AuditTrailQuery } from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const AUDIT_PAGE_SIZE = 20;

export type AuditRow = AuditTrailQuery['auditTrail']['edges'][number]['node'];

/** Every recorded change to one company, newest first, a page at a time. */
export function useAuditTrail(companyId: string) {
  return useConnection(AuditTrailDocument, { companyId, first: AUDIT_PAGE_SIZE }, (data) => data.auditTrail);
}
