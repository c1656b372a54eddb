import { describe, expect, it } from 'vitest';
import type { ContractedCompaniesQuery } from '@/generated/graphql';
import { contractedCompanyOptions } from './contractedCompanies';

const contract = (id: string, companyId: string, nameAr: string, nameEn: string) => ({
  node: { id, validTo: '2027-01-01', company: { id: companyId, nameAr, nameEn } },
});

const data = {
  agencyContracts: {
    edges: [
      contract('c1', 'rawda', 'مؤسسة الروضة', 'Al-Rawda Pilgrim Services'),
      contract('c2', 'safwa', 'شركة الصفوة', 'Al-Safwa Umrah Company'),
      contract('c3', 'rawda', 'مؤسسة الروضة', 'Al-Rawda Pilgrim Services'),
    ],
  },
} as ContractedCompaniesQuery;

describe('contractedCompanyOptions', () => {
  it('lists each contracted company once, by name in the UI language', () => {
    expect(contractedCompanyOptions(data, 'en')).toEqual([
      { value: 'rawda', label: 'Al-Rawda Pilgrim Services' },
      { value: 'safwa', label: 'Al-Safwa Umrah Company' },
    ]);
    expect(contractedCompanyOptions(data, 'ar').map((o) => o.label)).toEqual(['شركة الصفوة', 'مؤسسة الروضة']);
  });

  it('is empty before the contracts load', () => {
    expect(contractedCompanyOptions(undefined, 'ar')).toEqual([]);
  });
});
