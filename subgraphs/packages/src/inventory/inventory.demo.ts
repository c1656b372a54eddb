import type { EntityManager } from '@umrah/db-kit';
import { demoId, demoProviders, type DemoProvider } from '@umrah/demo';
import { ServiceProviderEntity } from '../provider/provider.entity';
import { InventoryItemEntity } from './inventory.entity';

/** The demo's inventory is open from before its "today" (late November 2026) to the end of Shawwal 1448. */
export const DEMO_INVENTORY_FROM = '2026-11-01';
export const DEMO_INVENTORY_TO = '2027-04-30';
// The last ten nights of Ramadan 1448 sell at a premium.
const PEAK_FROM = '2027-02-27';
const PEAK_TO = '2027-03-08';

type Kind = DemoProvider['kind'];

/** Providers of the packages subgraph's own demo, beside the shared cast's six (which have accounts). */
const moreProviders: { key: string; nameAr: string; nameEn: string; kind: Kind; city: string }[] = [
  { key: 'ajyad', nameAr: 'فندق أجياد', nameEn: 'Ajyad Hotel', kind: 'HOTEL', city: 'Makkah' },
  { key: 'haram-view', nameAr: 'أجنحة إطلالة الحرم', nameEn: 'Haram View Suites', kind: 'HOTEL', city: 'Makkah' },
  { key: 'taiba-front', nameAr: 'فندق طيبة فرونت', nameEn: 'Taiba Front Hotel', kind: 'HOTEL', city: 'Madinah' },
  { key: 'ansar', nameAr: 'فندق الأنصار', nameEn: 'Al-Ansar Hotel', kind: 'HOTEL', city: 'Madinah' },
  { key: 'corniche', nameAr: 'فندق كورنيش جدة', nameEn: 'Jeddah Corniche Hotel', kind: 'HOTEL', city: 'Jeddah' },
  { key: 'makkah-shuttle', nameAr: 'نقل مكة الترددي', nameEn: 'Makkah Shuttle', kind: 'TRANSPORT', city: 'Makkah' },
  { key: 'taiba-coaches', nameAr: 'حافلات طيبة', nameEn: 'Taiba Coaches', kind: 'TRANSPORT', city: 'Madinah' },
  { key: 'madinah-kitchens', nameAr: 'مطابخ المدينة', nameEn: 'Madinah Kitchens', kind: 'CATERING', city: 'Madinah' },
  { key: 'jeddah-meals', nameAr: 'وجبات جدة', nameEn: 'Jeddah Meals', kind: 'CATERING', city: 'Jeddah' },
  {
    key: 'makkah-heritage',
    nameAr: 'جولات مكة التراثية',
    nameEn: 'Makkah Heritage Tours',
    kind: 'ENRICHMENT',
    city: 'Makkah',
  },
  { key: 'balad-tours', nameAr: 'جولات البلد التاريخية', nameEn: 'Al-Balad Tours', kind: 'ENRICHMENT', city: 'Jeddah' },
  {
    key: 'haramain-insurance',
    nameAr: 'تأمين الحرمين',
    nameEn: 'Haramain Insurance',
    kind: 'INSURANCE',
    city: 'Jeddah',
  },
  { key: 'hijaz-travel', nameAr: 'سفريات الحجاز', nameEn: 'Hijaz Travel', kind: 'TRAVEL_AGENT', city: 'Jeddah' },
];

/** Every demo provider: the shared cast's first, then this subgraph's. */
export const demoRegistry: DemoProvider[] = [
  ...demoProviders,
  ...moreProviders.map((p, i) => ({
    id: demoId(`provider:${p.key}`),
    nameAr: p.nameAr,
    nameEn: p.nameEn,
    kind: p.kind,
    city: p.city,
    licenseNumber: `MQM-${p.kind.slice(0, 3)}-${String(6100 + i * 17)}`,
  })),
];

interface ItemSpec {
  code: string;
  nameAr: string;
  nameEn: string;
  roomType?: string;
  mealPlan?: string;
  routeFrom?: string;
  routeTo?: string;
  capacity: number;
  priceHalalas: number;
}

const ROOMS: Record<string, { ar: string; en: string; beds: number; price: number }> = {
  DOUBLE: { ar: 'غرفة مزدوجة', en: 'Double room', beds: 60, price: 42000 },
  TRIPLE: { ar: 'غرفة ثلاثية', en: 'Triple room', beds: 90, price: 31000 },
  QUAD: { ar: 'غرفة رباعية', en: 'Quad room', beds: 120, price: 24000 },
  SUITE: { ar: 'جناح عائلي', en: 'Family suite', beds: 24, price: 95000 },
};

const route = (code: string, from: string, to: string, ar: string, seats: number, price: number): ItemSpec => ({
  code,
  nameAr: ar,
  nameEn: `${from} to ${to}`,
  routeFrom: from,
  routeTo: to,
  capacity: seats,
  priceHalalas: price,
});

/** What each demo provider sells; its items' ids are fixed by the provider and the code. */
function itemsOf(provider: DemoProvider, index: number): ItemSpec[] {
  switch (provider.kind) {
    case 'HOTEL': {
      // Hotels nearer the Haram (the first of each city) cost more.
      const premium = provider.city === 'Jeddah' ? 0.6 : index % 2 === 0 ? 1.3 : 1;
      const types = provider.nameEn.includes('Suites') ? ['DOUBLE', 'SUITE'] : ['DOUBLE', 'TRIPLE', 'QUAD'];
      return types.map((type) => ({
        code: type,
        nameAr: ROOMS[type]!.ar,
        nameEn: ROOMS[type]!.en,
        roomType: type,
        capacity: ROOMS[type]!.beds,
        priceHalalas: Math.round((ROOMS[type]!.price * premium) / 100) * 100,
      }));
    }
    case 'TRANSPORT':
      if (provider.city === 'Jeddah') {
        return [
          route('JED-MAK', 'King Abdulaziz Airport', 'Makkah', 'من مطار الملك عبدالعزيز إلى مكة', 180, 9000),
          route('MAK-MED', 'Makkah', 'Madinah', 'من مكة إلى المدينة', 135, 16000),
          route('MED-JED', 'Madinah', 'King Abdulaziz Airport', 'من المدينة إلى مطار الملك عبدالعزيز', 135, 17000),
        ];
      }
      if (provider.city === 'Makkah') {
        return [
          route('MAK-MED', 'Makkah', 'Madinah', 'من مكة إلى المدينة', 90, 15000),
          route('MAK-JED', 'Makkah', 'King Abdulaziz Airport', 'من مكة إلى مطار الملك عبدالعزيز', 90, 8500),
        ];
      }
      return [
        route('MED-APT', 'Madinah', 'Prince Mohammad Airport', 'من المدينة إلى مطار الأمير محمد', 90, 6000),
        route('APT-MED', 'Prince Mohammad Airport', 'Madinah', 'من مطار الأمير محمد إلى المدينة', 90, 6000),
      ];
    case 'CATERING':
      return [
        {
          code: 'FULL',
          nameAr: 'إعاشة كاملة',
          nameEn: 'Full board',
          mealPlan: 'FULL_BOARD',
          capacity: 400,
          priceHalalas: 9500,
        },
        {
          code: 'HALF',
          nameAr: 'نصف إعاشة',
          nameEn: 'Half board',
          mealPlan: 'HALF_BOARD',
          capacity: 300,
          priceHalalas: 6000,
        },
      ];
    case 'ENRICHMENT':
      return provider.city === 'Madinah'
        ? [
            {
              code: 'UHUD-QUBA',
              nameAr: 'زيارة أحد وقباء',
              nameEn: 'Uhud and Quba visit',
              capacity: 50,
              priceHalalas: 7500,
            },
            { code: 'SEERAH-MUSEUM', nameAr: 'متحف السيرة', nameEn: 'Seerah museum', capacity: 40, priceHalalas: 6000 },
          ]
        : provider.city === 'Makkah'
          ? [
              {
                code: 'HIRA',
                nameAr: 'جبل النور وغار حراء',
                nameEn: 'Jabal Al-Nour and Hira',
                capacity: 45,
                priceHalalas: 8000,
              },
              {
                code: 'REVELATION',
                nameAr: 'معرض الوحي',
                nameEn: 'Revelation exhibition',
                capacity: 60,
                priceHalalas: 5000,
              },
            ]
          : [{ code: 'BALAD', nameAr: 'جدة التاريخية', nameEn: 'Historic Jeddah', capacity: 30, priceHalalas: 6500 }];
    case 'INSURANCE':
      return [
        {
          code: 'BASIC',
          nameAr: 'تأمين العمرة الأساسي',
          nameEn: 'Umrah basic cover',
          capacity: 500,
          priceHalalas: 8700,
        },
        {
          code: 'PLUS',
          nameAr: 'تأمين العمرة الموسع',
          nameEn: 'Umrah extended cover',
          capacity: 200,
          priceHalalas: 15000,
        },
      ];
    default:
      return [];
  }
}

/** The id of a demo item: fixed by its provider and its code, so demo packages can name it. */
export const demoItemId = (providerId: string, code: string): string => demoId(`item:${providerId}:${code}`);

/** Every demo item by id, with its kind and its provider's city (for checking demo packages). */
export function demoItemCatalogue(): Map<string, { kind: string; city: string }> {
  const catalogue = new Map<string, { kind: string; city: string }>();
  demoRegistry.forEach((provider) => {
    const sameKindAndCity = demoRegistry.filter((p) => p.kind === provider.kind && p.city === provider.city);
    for (const spec of itemsOf(provider, sameKindAndCity.indexOf(provider))) {
      catalogue.set(demoItemId(provider.id, spec.code), { kind: provider.kind, city: provider.city });
    }
  });
  return catalogue;
}

/**
 * The demo registry (the shared cast's providers and this subgraph's), each selling a few items
 * open every day from November 2026 to April 2027, dearer in the last ten nights of Ramadan. Seeds
 * into an empty registry only; the caller commits.
 */
export async function seedDemoInventory(em: EntityManager): Promise<void> {
  demoRegistry.forEach((p) =>
    em.create(ServiceProviderEntity, {
      id: p.id,
      nameAr: p.nameAr,
      nameEn: p.nameEn,
      kind: p.kind,
      city: p.city,
      licenseNumber: p.licenseNumber,
      createdAt: new Date('2026-05-01T08:00:00Z'),
    }),
  );
  // Providers first: their items reference them.
  await em.flush();
  const open: { id: string; capacity: number; priceHalalas: number }[] = [];
  demoRegistry.forEach((provider) => {
    const sameKindAndCity = demoRegistry.filter((p) => p.kind === provider.kind && p.city === provider.city);
    itemsOf(provider, sameKindAndCity.indexOf(provider)).forEach((spec) => {
      const id = demoItemId(provider.id, spec.code);
      em.create(InventoryItemEntity, {
        id,
        providerId: provider.id,
        kind: provider.kind,
        code: spec.code,
        nameAr: spec.nameAr,
        nameEn: spec.nameEn,
        roomType: spec.roomType ?? null,
        mealPlan: spec.mealPlan ?? null,
        routeFrom: spec.routeFrom ?? null,
        routeTo: spec.routeTo ?? null,
        createdAt: new Date('2026-05-02T08:00:00Z'),
      });
      open.push({ id, capacity: spec.capacity, priceHalalas: spec.priceHalalas });
    });
  });
  await em.flush();
  // One statement per item opens all its days.
  for (const item of open) {
    await em.execute(
      `insert into inventory_allotment (item_id, day, capacity, reserved, price_halalas)
       select ?::uuid, d::date, ?, 0,
              case when d::date between ?::date and ?::date then ?::integer * 16 / 10 else ?::integer end
         from generate_series(?::date, ?::date, interval '1 day') d`,
      [
        item.id,
        item.capacity,
        PEAK_FROM,
        PEAK_TO,
        item.priceHalalas,
        item.priceHalalas,
        DEMO_INVENTORY_FROM,
        DEMO_INVENTORY_TO,
      ],
    );
  }
}
