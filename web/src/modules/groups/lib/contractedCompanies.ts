import type { ContractedCompaniesQuery } from '@/generated/graphql';
import type { Language } from '@/lib/locale';
import { localized } from '@/lib/useLanguage';

export interface CompanyOption {
  value: string;
  label: string;
}

/**
 * The companies an agent may act for, once each (an agent may hold several contracts in force with
 * one company), sorted by name in the UI language.
 */
export function contractedCompanyOptions(
  data: ContractedCompaniesQuery | undefined,
  language: Language,
): CompanyOption[] {
  const byId = new Map<string, CompanyOption>();
  for (const { node } of data?.agencyContracts.edges ?? []) {
    if (!byId.has(node.company.id)) {
      byId.set(node.company.id, {
        value: node.company.id,
        label: localized(language, node.company.nameAr, node.company.nameEn),
      });
    }
  }
  const collator = new Intl.Collator(language);
  return [...byId.values()].sort((a, b) => collator.compare(a.label, b.label));
}
