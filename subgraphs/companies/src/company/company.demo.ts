import type { DemoCompany } from '@umrah/demo';

const SERVICE_CENTERS = ['Bab Al-Umrah', 'Way to Umrah'];
const AREA_CODES: Record<string, string> = { Makkah: '12', Jeddah: '12', Taif: '12', Madinah: '14', Riyadh: '11' };

/** Contact and service-centre values for a demo company, derived from its place in the cast. */
export function demoCompanyContact(
  company: DemoCompany,
  index: number,
): { contactEmail: string; contactPhone: string; serviceCenter: string } {
  const slug = (company.nameEn.split(' ')[0] ?? 'company').replace(/^al-/i, '').toLowerCase();
  return {
    contactEmail: `licensing@${slug}.demo`,
    contactPhone: `+966 ${AREA_CODES[company.city] ?? '12'} 555 ${String(1010 + index * 111).slice(0, 4)}`,
    serviceCenter: SERVICE_CENTERS[index % SERVICE_CENTERS.length]!,
  };
}
