import { uuidv7, type Database } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoPilgrims } from '@umrah/demo';
import { Role, SortDirection, type Viewer } from '@umrah/subgraph-kit';
import { openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPilgrimsDemo } from '../demo-seed';
import { pilgrimsSubgraph } from '../index';
import { VisaApplicationEntity, VisaStatusChangeEntity } from '../visa/visa.entity';
import { VisaStatus } from '../visa/visa.type';
import { PilgrimEntity, type PilgrimRow } from './pilgrim.entity';
import { PilgrimOrderField, type PilgrimFilter, type PilgrimOrder } from './pilgrim.inputs';
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
  // In-memory PGlite, or a scratch PostgreSQL database when TEST_DATABASE_URL is set.
  db = await openTestDatabase(pilgrimsSubgraph);
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

  it("filters a manager's list by visa status to the company's pilgrims in that status, all of them", async () => {
    for (const status of [VisaStatus.ISSUED, VisaStatus.ARRIVED, VisaStatus.REJECTED]) {
      const result = await listPilgrims(db.fork(), managerA, page(100), { visaStatus: status });
      const expected = pilgrims.filter((p) => p.companyId === companyA && p.visa.status === status).map((p) => p.id);
      expect(result.totalCount).toBe(expected.length);
      expect(result.edges.map((e) => e.node.id).sort()).toEqual(expected.sort());
    }
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

describe('listPilgrims sorted', () => {
  const mineA = { companyId: companyA };
  const ids = (result: { edges: { node: { id: string } }[] }) => result.edges.map((e) => e.node.id);

  /** Every page in turn, as the table walks them; stops on a page that promises no more. */
  async function walk(v: Viewer, order: PilgrimOrder, filter: PilgrimFilter | null = null, first = 7) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const result = await listPilgrims(db.fork(), v, page(first, after), filter, undefined, order);
      expect(result.edges.length).toBeLessThanOrEqual(first);
      seen.push(...ids(result));
      if (!result.pageInfo.hasNextPage) return seen;
      after = result.pageInfo.endCursor;
    }
    throw new Error('the walk did not end');
  }

  const FIELDS: [PilgrimOrderField, keyof PilgrimRow][] = [
    [PilgrimOrderField.FAMILY_NAME_EN, 'familyNameEn'],
    [PilgrimOrderField.GIVEN_NAME_AR, 'givenNameAr'],
    [PilgrimOrderField.NATIONALITY, 'nationality'],
    [PilgrimOrderField.DATE_OF_BIRTH, 'dateOfBirth'],
    [PilgrimOrderField.PASSPORT_EXPIRES_ON, 'passportExpiresOn'],
    [PilgrimOrderField.REGISTERED_AT, 'createdAt'],
  ];

  beforeAll(async () => {
    // Ties and nulls on purpose: a few shared expiry dates and some pilgrims without one.
    const rows = await db.fork().find(PilgrimEntity, mineA, { orderBy: { id: 'asc' } });
    const em = db.fork();
    rows.forEach((row, i) => {
      const ref = em.getReference(PilgrimEntity, row.id);
      ref.passportExpiresOn = i % 5 === 0 ? null : `203${i % 3}-06-30`;
    });
    await em.flush();
  });

  for (const [field, property] of FIELDS) {
    for (const direction of [SortDirection.ASC, SortDirection.DESC]) {
      it(`walks a manager's pilgrims by ${field} ${direction}: each once, in the database's order, ties by id`, async () => {
        const d = direction === SortDirection.ASC ? 'asc' : 'desc';
        const all = await db.fork().find(PilgrimEntity, mineA, { orderBy: [{ [property]: d }, { id: d }] as never });
        // The data must really hold equal values, or ties would go untested.
        expect(new Set(all.map((row) => String(row[property]))).size).toBeLessThan(all.length);
        const seen = await walk(managerA, { field, direction });
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(all.map((row) => row.id));
      });
    }
  }

  it('puts pilgrims without a passport expiry last ascending and first descending', async () => {
    const byExpiry = (direction: SortDirection) =>
      listPilgrims(db.fork(), managerA, page(100), null, undefined, {
        field: PilgrimOrderField.PASSPORT_EXPIRES_ON,
        direction,
      });
    const asc = (await byExpiry(SortDirection.ASC)).edges.map((e) => e.node.passportExpiresOn);
    const desc = (await byExpiry(SortDirection.DESC)).edges.map((e) => e.node.passportExpiresOn);
    expect(asc[0]).not.toBeNull();
    expect(asc[asc.length - 1]).toBeNull();
    expect(desc[0]).toBeNull();
    expect(asc.filter((v) => v !== null)).toEqual([...asc.filter((v) => v !== null)].sort());
  });

  it('keeps the tenant slice and the filter: an agent sees only its own pilgrims, of the nationality asked', async () => {
    const agentViewer = viewer(Role.AGENT, { agentId: agent });
    const order = { field: PilgrimOrderField.FAMILY_NAME_EN, direction: SortDirection.DESC };
    const seen = await walk(agentViewer, order, null, 5);
    const expected = await db.fork().find(PilgrimEntity, { agentId: agent });
    expect([...seen].sort()).toEqual(expected.map((row) => row.id).sort());
    const nationality = expected[0]!.nationality;
    const filtered = await walk(agentViewer, order, { nationality }, 3);
    expect([...filtered].sort()).toEqual(
      expected
        .filter((row) => row.nationality === nationality)
        .map((row) => row.id)
        .sort(),
    );
    const provider = viewer(Role.PROVIDER, { providerId: uuidv7() });
    expect(await walk(provider, order)).toEqual([]);
  });

  it('limits the page size and refuses a cursor issued for another order', async () => {
    const byName = { field: PilgrimOrderField.FAMILY_NAME_EN, direction: SortDirection.ASC };
    await expect(listPilgrims(db.fork(), managerA, page(101), null, undefined, byName)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    const unsorted = await listPilgrims(db.fork(), managerA, page(2), null);
    const sorted = await listPilgrims(db.fork(), managerA, page(2), null, undefined, byName);
    for (const [after, order] of [
      [unsorted.pageInfo.endCursor, byName],
      [sorted.pageInfo.endCursor, { ...byName, direction: SortDirection.DESC }],
      [sorted.pageInfo.endCursor, { ...byName, field: PilgrimOrderField.NATIONALITY }],
    ] as const) {
      await expect(listPilgrims(db.fork(), managerA, page(2, after), null, undefined, order)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
    }
  });

  it('reads a sorted page in one statement when the count is not asked for', async () => {
    const before = db.statementCount;
    const order = { field: PilgrimOrderField.DATE_OF_BIRTH, direction: SortDirection.ASC };
    const info = {
      fieldNodes: [{ kind: 'Field', name: { value: 'pilgrims' }, selectionSet: { selections: [] } }],
      fragments: {},
    } as never;
    await listPilgrims(db.fork(), managerA, page(10), null, info, order);
    expect(db.statementCount - before).toBe(1);
  });

  it('keeps each company’s and group’s pilgrim count equal to its rows through inserts, moves and deletes', async () => {
    const conn = db.fork().getConnection();
    const disagreements = () =>
      conn.execute<{ kind: string; id: string }[]>(
        `select coalesce(k.parent_kind, r.kind) as kind, coalesce(k.parent_id, r.id) as id
           from (select parent_kind, parent_id, n from pilgrim_count where n > 0) k
           full join (select 'COMPANY' as kind, company_id as id, count(*)::int as n from pilgrim group by company_id
                      union all
                      select 'GROUP', group_id, count(*)::int from pilgrim where group_id is not null group by group_id) r
             on r.kind = k.parent_kind and r.id = k.parent_id
          where k.n is distinct from r.n`,
      );
    expect(await disagreements()).toEqual([]);
    const [group] = await conn.execute<{ id: string }[]>(
      `insert into pilgrim_group (id, company_id, season, group_number, name, created_by)
       select ?, ?, season, '99001', 'Count test', ? from pilgrim where company_id = ? limit 1 returning id`,
      [uuidv7(), companyA, managerA.accountId, companyA],
    );
    // Three rows in one statement, into company A's new group.
    await conn.execute(
      `insert into pilgrim (id, company_id, group_id, season, given_name_ar, father_name_ar, grandfather_name_ar, family_name_ar,
         given_name_en, father_name_en, grandfather_name_en, family_name_en, passport_number, nationality, date_of_birth, sex)
       select gen_random_uuid(), company_id, ?, season, given_name_ar, father_name_ar, grandfather_name_ar, family_name_ar,
         given_name_en, father_name_en, grandfather_name_en, family_name_en, 'CNTX000' || g, nationality, date_of_birth, sex
       from (select * from pilgrim where company_id = ? limit 1) p, generate_series(1, 3) g`,
      [group!.id, companyA],
    );
    expect(await disagreements()).toEqual([]);
    const counted = async () =>
      (await pilgrimsOfCompanies(db.fork(), managerA, [companyA], page(1), true))[0]!.totalCount;
    const direct = async () =>
      Number(
        (await conn.execute<{ n: string }[]>('select count(*) as n from pilgrim where company_id = ?', [companyA]))[0]!
          .n,
      );
    expect(await counted()).toBe(await direct());
    // Moved to another company and out of the group, then deleted.
    await conn.execute(`update pilgrim set company_id = ?, group_id = null where passport_number = 'CNTX0001'`, [
      companyB,
    ]);
    await conn.execute(`update pilgrim set family_name_en = 'Recount' where passport_number = 'CNTX0002'`);
    expect(await disagreements()).toEqual([]);
    await conn.execute(`delete from pilgrim where passport_number in ('CNTX0001', 'CNTX0003')`);
    expect(await disagreements()).toEqual([]);
    expect(await counted()).toBe(await direct());
  });

  it('filters by the current application’s status, kept with its counts through reapplications, moves and deletes', async () => {
    const conn = db.fork().getConnection();
    // Every pilgrim's kept status is its latest application's; every kept count equals its rows.
    const disagreements = async () => [
      ...(await conn.execute<{ id: string }[]>(
        `select p.id from pilgrim p
          where p.visa_status is distinct from (select v.status from visa_application v where v.pilgrim_id = p.id
                                                 order by v.submitted_at desc, v.id desc limit 1)`,
      )),
      ...(await conn.execute<{ key: string }[]>(
        `select concat_ws('/', coalesce(k.company_id, r.company_id), coalesce(k.nationality, r.nationality),
                          coalesce(k.visa_status, r.visa_status)) as key
           from (select * from pilgrim_filter_count where n > 0) k
           full join (select company_id, nationality, coalesce(visa_status, 'NONE') as visa_status, count(*)::int as n
                        from pilgrim group by 1, 2, 3) r
             on (r.company_id, r.nationality, r.visa_status) = (k.company_id, k.nationality, k.visa_status)
          where k.n is distinct from r.n`,
      )),
    ];
    const ids = async (who: Viewer, filter: PilgrimFilter) => {
      const result = await listPilgrims(db.fork(), who, page(100), filter);
      const direct = await conn.execute<{ id: string }[]>(
        `select p.id from pilgrim p
          where (?::uuid is null or p.company_id = ?) and (?::text is null or p.nationality = ?)
            and (select v.status from visa_application v where v.pilgrim_id = p.id
                  order by v.submitted_at desc, v.id desc limit 1) = ?
          order by p.id`,
        [who.companyId, who.companyId, filter.nationality ?? null, filter.nationality ?? null, filter.visaStatus],
      );
      // The count comes from the kept table, the page from the rows: both must match the direct answer.
      expect(result.totalCount).toBe(direct.length);
      expect(result.edges.map((e) => e.node.id)).toEqual(direct.map((r) => r.id));
      return result.edges.map((e) => e.node.id);
    };
    expect(await disagreements()).toEqual([]);

    const refused = pilgrims.find((p) => p.companyId === companyA && p.visa.status === 'REJECTED')!;
    const filter = { nationality: refused.nationality, visaStatus: VisaStatus.REJECTED };
    expect(await ids(managerA, filter)).toContain(refused.id);
    // The pilgrim applies again: the new application is the current one, in every list and count.
    const again = uuidv7();
    await conn.execute(
      `insert into visa_application (id, pilgrim_id, company_id, agent_id, season, nationality, status, submitted_at)
       select ?, pilgrim_id, company_id, agent_id, season, nationality, 'SUBMITTED', date_trunc('milliseconds', now()) from visa_application where pilgrim_id = ?`,
      [again, refused.id],
    );
    expect(await disagreements()).toEqual([]);
    expect(await ids(managerA, filter)).not.toContain(refused.id);
    expect(await ids(supervisor, { ...filter, visaStatus: VisaStatus.SUBMITTED })).toContain(refused.id);
    // Several applications change status in one statement; an old application's change moves nothing.
    await conn.execute(
      `update visa_application set status = case when id = ? then 'APPROVED' else status end, updated_at = now()
        where company_id = ?`,
      [again, companyA],
    );
    expect(await ids(managerA, { visaStatus: VisaStatus.APPROVED })).toContain(refused.id);
    await conn.execute(`update visa_application set status = 'CANCELLED' where pilgrim_id = ? and id <> ?`, [
      refused.id,
      again,
    ]);
    expect(await disagreements()).toEqual([]);
    // The pilgrim moves to another company (its applications follow by cascade), then the new application goes.
    await conn.execute(`update pilgrim set company_id = ? where id = ?`, [companyB, refused.id]);
    expect(await disagreements()).toEqual([]);
    const managerB = viewer(Role.COMPANY_MANAGER, { companyId: companyB });
    expect(await ids(managerB, { visaStatus: VisaStatus.APPROVED })).toContain(refused.id);
    await conn.execute(`delete from visa_application where id = ?`, [again]);
    expect(await disagreements()).toEqual([]);
    expect(await ids(managerB, { visaStatus: VisaStatus.CANCELLED })).toContain(refused.id);
    await conn.execute(`update pilgrim set company_id = ? where id = ?`, [companyA, refused.id]);
    expect(await disagreements()).toEqual([]);
  });

  it('stores registration times at millisecond precision, also when the database fills them in', async () => {
    const conn = db.fork().getConnection();
    // As bulk registration does: the row's created_at comes from the column default.
    await conn.execute(
      `insert into pilgrim (id, company_id, season, given_name_ar, father_name_ar, grandfather_name_ar, family_name_ar,
         given_name_en, father_name_en, grandfather_name_en, family_name_en, passport_number, nationality, date_of_birth, sex)
       select ?, company_id, season, given_name_ar, father_name_ar, grandfather_name_ar, family_name_ar, given_name_en,
         father_name_en, grandfather_name_en, family_name_en, 'MS0000001', nationality, date_of_birth, sex
       from pilgrim where company_id = ? limit 1`,
      [uuidv7(), companyB],
    );
    const rows = await conn.execute<{ exact: boolean; inserted: number }[]>(
      `select bool_and(created_at = date_trunc('milliseconds', created_at)) as exact,
         (count(*) filter (where passport_number = 'MS0000001'))::int as inserted
       from pilgrim`,
    );
    expect(rows[0]).toMatchObject({ exact: true, inserted: 1 });
    await expect(
      conn.execute(`update pilgrim set created_at = timestamptz '2026-01-01 10:00:00.123456+00' where company_id = ?`, [
        companyA,
      ]),
    ).rejects.toThrow(/pilgrim_created_at_ms/);
  });
});
