import { openDatabase, uuidv7, type Database } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoPilgrims } from '@umrah/demo';
import { Role, type Viewer } from '@umrah/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPilgrimsDemo } from '../demo-seed';
import { pilgrimsSubgraph } from '../index';
import { migrations } from '../migrations/index';
import { VisaApplicationEntity, VisaStatusChangeEntity } from '../visa/visa.entity';
import { VisaStatus } from '../visa/visa.type';
import { PilgrimEntity } from './pilgrim.entity';
import { listPilgrims, pilgrimsByIds, pilgrimsOfCompanies } from './pilgrim.service';

const viewer = (role: Role, ids: Partial<Pick<Viewer, 'companyId' | 'agentId' | 'providerId'>> = {}): Viewer => ({
  accountId: uuidv7(),
  role,
  companyId: ids.companyId ?? null,
  agentId: ids.agentId ?? null,
  providerId: ids.providerId ?? null,
  scopes: [],
});

const companyA = demoCompanies[0]!.id;
const companyB = demoCompanies[1]!.id;
const agent = demoAgents[0]!.id;
const pilgrims = demoPilgrims();
const supervisor = viewer(Role.MINISTRY_SUPERVISOR);
const managerA = viewer(Role.COMPANY_MANAGER, { companyId: companyA });
const page = (first: number, after: string | null = null) => ({ first, after });

let db: Database;

beforeAll(async () => {
  db = await openDatabase({
    entities: pilgrimsSubgraph.entities,
    migrations,
  });
  await db.migrate();
  await seedPilgrimsDemo(db);
});

afterAll(async () => {
  await db.close();
});

describe('demo seed', () => {
  it('writes every demo pilgrim with one visa and the history that led to its status, once', async () => {
    await seedPilgrimsDemo(db);
    const em = db.fork();
    expect(await em.count(PilgrimEntity, {})).toBe(pilgrims.length);
    expect(await em.count(VisaApplicationEntity, {})).toBe(pilgrims.length);
    const steps = await em.find(VisaStatusChangeEntity, {}, { orderBy: { changedAt: 'asc', id: 'asc' } });
    const visas = await em.find(VisaApplicationEntity, {});
    for (const visa of visas) {
      const own = steps.filter((s) => s.visaApplicationId === visa.id);
      expect(own[0]).toMatchObject({ fromStatus: null, toStatus: 'SUBMITTED' });
      expect(own[own.length - 1]!.toStatus).toBe(visa.status);
      own.slice(1).forEach((step, i) => expect(step.fromStatus).toBe(own[i]!.toStatus));
    }
  });
});

describe('listPilgrims', () => {
  it('gives a manager only the pilgrims of their company, with the full count', async () => {
    const result = await listPilgrims(db.fork(), managerA, page(100), null);
    const expected = pilgrims.filter((p) => p.companyId === companyA);
    expect(result.edges.length).toBe(Math.min(100, expected.length));
    expect(result.edges.every((e) => e.node.companyId === companyA)).toBe(true);
    expect(result.totalCount).toBe(expected.length);
  });

  it('gives an agent only the pilgrims it registered', async () => {
    const result = await listPilgrims(db.fork(), viewer(Role.AGENT, { agentId: agent }), page(100), null);
    expect(result.totalCount).toBe(pilgrims.filter((p) => p.agentId === agent).length);
    expect(result.edges.every((e) => e.node.agentId === agent)).toBe(true);
  });

  it('gives a provider nothing', async () => {
    const result = await listPilgrims(db.fork(), viewer(Role.PROVIDER, { providerId: uuidv7() }), page(10), null);
    expect(result.totalCount).toBe(0);
    expect(result.edges).toEqual([]);
  });

  it('walks every page of the ministry list without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result = await listPilgrims(db.fork(), supervisor, page(100, after), null);
      seen.push(...result.edges.map((e) => e.node.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toEqual(pilgrims.map((p) => p.id).sort());
  });

  it('filters by nationality, visa status and words of the name', async () => {
    const em = db.fork();
    const byNationality = await listPilgrims(em, supervisor, page(100), { nationality: 'KE' });
    expect(byNationality.totalCount).toBe(pilgrims.filter((p) => p.nationality === 'KE').length);
    expect(byNationality.edges.every((e) => e.node.nationality === 'KE')).toBe(true);

    const overstayed = await listPilgrims(em, supervisor, page(100), { visaStatus: VisaStatus.OVERSTAYED });
    expect(overstayed.totalCount).toBe(pilgrims.filter((p) => p.visa.status === 'OVERSTAYED').length);
    expect(overstayed.totalCount).toBeGreaterThan(0);

    const someone = pilgrims[7]!;
    const byName = await listPilgrims(em, supervisor, page(100), {
      search: `${someone.givenNameEn.toLowerCase()} ${someone.familyNameEn}`,
    });
    expect(byName.edges.map((e) => e.node.id)).toContain(someone.id);
    expect(byName.edges.every((e) => e.node.fullNameEn.toLowerCase().includes(someone.givenNameEn.toLowerCase()))).toBe(
      true,
    );

    const byPassport = await listPilgrims(em, supervisor, page(100), { search: someone.passportNumber.toLowerCase() });
    expect(byPassport.edges.map((e) => e.node.id)).toEqual([someone.id]);

    const byArabic = await listPilgrims(em, supervisor, page(100), { search: someone.familyNameAr });
    expect(byArabic.edges.map((e) => e.node.id)).toContain(someone.id);
  });

  it('refuses a nationality that is not two capital letters, naming the field', async () => {
    await expect(listPilgrims(db.fork(), supervisor, page(10), { nationality: 'ind' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'filter.nationality' },
    });
  });

  it('refuses a page larger than 100, naming the field', async () => {
    await expect(listPilgrims(db.fork(), supervisor, page(101), null)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });
});

describe('pilgrimsByIds', () => {
  it('answers null alike for a missing pilgrim, one outside the slice and a malformed id', async () => {
    const own = pilgrims.find((p) => p.companyId === companyA)!;
    const other = pilgrims.find((p) => p.companyId === companyB)!;
    const result = await pilgrimsByIds(db.fork(), managerA, [own.id, other.id, uuidv7(), 'not-a-uuid']);
    expect(result.map((p) => p?.id ?? null)).toEqual([own.id, null, null, null]);
    expect(result[0]?.fullNameEn).toBe(
      `${own.givenNameEn} ${own.fatherNameEn} ${own.grandfatherNameEn} ${own.familyNameEn}`,
    );
  });
});

describe('pilgrimsOfCompanies', () => {
  it('pages many companies in one statement and gives null for a company the viewer may not see', async () => {
    const before = db.statementCount;
    const result = await pilgrimsOfCompanies(db.fork(), managerA, [companyA, companyB], page(5), false);
    expect(db.statementCount - before).toBe(1);
    expect(result[0]?.edges.length).toBe(5);
    expect(result[0]?.pageInfo.hasNextPage).toBe(true);
    expect(result[1]).toBeNull();
  });

  it('continues a company’s list after a cursor', async () => {
    const em = db.fork();
    const [first] = await pilgrimsOfCompanies(em, supervisor, [companyA], page(3), true);
    const [second] = await pilgrimsOfCompanies(em, supervisor, [companyA], page(3, first!.pageInfo.endCursor), false);
    const ids = pilgrims
      .filter((p) => p.companyId === companyA)
      .map((p) => p.id)
      .sort();
    expect([...first!.edges, ...second!.edges].map((e) => e.node.id)).toEqual(ids.slice(0, 6));
    expect(first!.totalCount).toBe(ids.length);
  });
});

describe('database invariants', () => {
  const row = (overrides: Record<string, unknown> = {}) => ({
    id: uuidv7(),
    companyId: companyA,
    agentId: null,
    season: '1447',
    givenNameAr: 'محمد',
    fatherNameAr: 'أحمد',
    grandfatherNameAr: 'علي',
    familyNameAr: 'خان',
    givenNameEn: 'Muhammad',
    fatherNameEn: 'Ahmad',
    grandfatherNameEn: 'Ali',
    familyNameEn: 'Khan',
    passportNumber: 'PK9988776',
    nationality: 'PK',
    dateOfBirth: '1980-04-02',
    sex: 'MALE',
    createdAt: new Date(),
    ...overrides,
  });

  it('refuses a second pilgrim with the same passport and nationality in the same season', async () => {
    const em = db.fork();
    await em.insert(PilgrimEntity, row());
    await expect(db.fork().insert(PilgrimEntity, row({ companyId: companyB }))).rejects.toThrow(
      /pilgrim_passport_season_key/,
    );
    // The same passport in the next season is a new registration.
    await expect(db.fork().insert(PilgrimEntity, row({ season: '1448' }))).resolves.toBeDefined();
  });

  it('refuses a malformed passport number or nationality', async () => {
    await expect(db.fork().insert(PilgrimEntity, row({ passportNumber: 'ab-12' }))).rejects.toThrow(/check constraint/);
    await expect(
      db.fork().insert(PilgrimEntity, row({ passportNumber: 'PK1122334', nationality: 'pk' })),
    ).rejects.toThrow(/check constraint/);
  });

  it('keeps a visa application’s company equal to its pilgrim’s', async () => {
    const pilgrim = row({ passportNumber: 'PK5544332' });
    await db.fork().insert(PilgrimEntity, pilgrim);
    const visa = {
      id: uuidv7(),
      pilgrimId: pilgrim.id,
      season: '1447',
      nationality: 'PK',
      status: 'SUBMITTED',
      submittedAt: new Date(),
      updatedAt: new Date(),
    };
    await expect(db.fork().insert(VisaApplicationEntity, { ...visa, companyId: companyB })).rejects.toThrow(
      /foreign key/,
    );
    await expect(db.fork().insert(VisaApplicationEntity, { ...visa, companyId: companyA })).resolves.toBeDefined();
  });

  it('refuses an issued visa without a MOFA reference', async () => {
    const pilgrim = row({ passportNumber: 'PK6655443' });
    await db.fork().insert(PilgrimEntity, pilgrim);
    await expect(
      db.fork().insert(VisaApplicationEntity, {
        id: uuidv7(),
        pilgrimId: pilgrim.id,
        companyId: companyA,
        season: '1447',
        nationality: 'PK',
        status: 'ISSUED',
        submittedAt: new Date(),
        updatedAt: new Date(),
      }),
    ).rejects.toThrow(/check constraint/);
  });
});
