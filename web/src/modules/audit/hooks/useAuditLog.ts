import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import {
  AuditLogCompaniesDocument,
  AuditLogDocument,
  type AuditLogFilter,
  type AuditLogQuery,
} from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';
import { localized, useLanguage } from '@/lib/useLanguage';

const PAGE = 50;

export type AuditLogRow = AuditLogQuery['auditLog']['edges'][number]['node'];

/** The graph-wide audit log, newest first, a page at a time. */
export function useAuditLog(filter: AuditLogFilter) {
  return useConnection(AuditLogDocument, { filter, first: PAGE }, (data) => data.auditLog);
}

export interface CompanyOption {
  value: string;
  label: string;
}

/** The companies to filter by, and each one's name in the current language by id. */
export function useAuditCompanies(): { options: CompanyOption[]; nameOf: (id: string) => string | undefined } {
  const { language } = useLanguage();
  const { data } = useQuery(AuditLogCompaniesDocument);
  return useMemo(() => {
    const options = (data?.companies.edges ?? []).map(({ node }) => ({
      value: node.id,
      label: localized(language, node.nameAr, node.nameEn),
    }));
    const names = new Map(options.map((o) => [o.value, o.label]));
    return { options, nameOf: (id: string) => names.get(id) };
  }, [data, language]);
}
