import { randomUUID } from 'node:crypto';
import { demoAgents, demoCompanies } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { seedCompanyDirectory } from '@umrah/subgraph-kit';
import { as, licensedCompany, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplaintCategory, DEFAULT_SLA_HOURS } from '../src/complaint/complaint.rules';
import { answerComplaint, fileComplaint, markSlaBreaches, resolveComplaint } from '../src/complaint/complaint.service';
import { packagesSubgraph } from '../src/index';
import { createProvider } from './builders';
import { count, sql, tallyOf } from './compliance.fixtures';

let sg: TestSubgraph;
const [safwa, rawda] = demoCompanies;
// Capetown works for Al-Rawda (and Nusantara for Al-Safwa and Al-Rawda).
const [nusantara, , otherAgent] = demoAgents;
// Providers of this test's own, so nothing depends on the demo catalogue.
const towers = { id: '' };
const madinahInn = { id: '' };
const HOUR = 3_600_000;

interface ComplaintNode {
  id: string;
  status: string;
  category: string;
  channel: string;
  company: { id: string } | null;
  provider: { id: string } | null;
  filedAt: string;
  slaHours: number;
  slaDueAt: string;
  slaBreached: boolean;
  resolution: string | null;
  upheld: boolean | null;
  history: { fromStatus: string | null; toStatus: string; note: string | null; changedByRole: string | null }[];
}
const FIELDS = `id status category channel company { id } provider { id } filedAt slaHours slaDueAt slaBreached
  resolution upheld history { fromStatus toStatus note changedByRole }`;
const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { ${FIELDS} } }`;
const ANSWER = `mutation($id: ID!, $answer: String!, $resolved: Boolean) { answerComplaint(id: $id, answer: $answer, resolved: $resolved) { ${FIELDS} } }`;
const ESCALATE = `mutation($id: ID!, $reason: String!) { escalateComplaint(id: $id, reason: $reason) { ${FIELDS} } }`;
const RESOLVE = `mutation($id: ID!, $resolution: String!, $upheld: Boolean!) { resolveComplaint(id: $id, resolution: $resolution, upheld: $upheld) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { complaint(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: ComplaintFilter, $first: Int, $after: String) {
  complaints(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { id status slaBreached company { id } provider { id nameEn } history { toStatus changedByRole } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Listed {
  totalCount: number;
  edges: { node: { id: string; status: string; slaBreached: boolean; company: { id: string } | null } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

beforeAll(async () => {
  sg = await bootSubgraph(packagesSubgraph);
  // The demo's companies and contracts, as the companies feed tells them.
  await seedCompanyDirectory(sg.db.fork(), demoCompanies, demoAgents);
  towers.id = await createProvider(sg.db);
  madinahInn.id = await createProvider(sg.db, { kind: 'HOTEL' });
});
afterAll(() => sg.close());

const against = {
  company: (companyId = safwa!.id) => ({
    companyId,
    category: 'TRANSPORT',
    description: 'The bus from the airport never came for the group.',
    city: 'Jeddah',
    site: 'Hajj Terminal',
  }),
  provider: (providerId = towers!.id) => ({
    providerId,
    category: 'ACCOMMODATION',
    description: 'Rooms were quadruple instead of the doubles contracted.',
    city: 'Makkah',
  }),
};

async function file(viewer: Viewer, input: Record<string, unknown>): Promise<ComplaintNode> {
  const r = await sg.request<{ fileComplaint: ComplaintNode }>(FILE, { input }, viewer);
  expect(r.errors).toBeUndefined();
  return r.data!.fileComplaint;
}

const run = <T>(query: string, variables: Record<string, unknown>, viewer: Viewer): Promise<GraphQLResponse<T>> =>
  sg.request<T>(query, variables, viewer);

describe('filing a complaint', () => {
  it('takes a hotline complaint against a company, OPEN, with the category’s SLA from now', async () => {
    const before = Date.now();
    const c = await file(as.officer(), against.company());
    expect(c).toMatchObject({
      status: 'OPEN',
      channel: 'MINISTRY_HOTLINE',
      company: { id: safwa!.id },
      provider: null,
      slaHours: DEFAULT_SLA_HOURS.TRANSPORT,
      slaBreached: false,
      history: [{ fromStatus: null, toStatus: 'OPEN', note: null, changedByRole: 'MINISTRY_OFFICER' }],
    });
    expect(Date.parse(c.filedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(c.slaDueAt) - Date.parse(c.filedAt)).toBe(24 * HOUR);
  });

  it('takes an agent’s complaint against a company and a company’s against a provider', async () => {
    const byAgent = await file(as.agent(nusantara!.id), against.company(rawda!.id));
    expect(byAgent).toMatchObject({ channel: 'AGENT', company: { id: rawda!.id } });
    const byCompany = await file(as.manager(safwa!.id), against.provider());
    expect(byCompany).toMatchObject({ channel: 'COMPANY', provider: { id: towers!.id }, company: null });
  });

  it('counts each complaint once against its party', async () => {
    const before = (await tallyOf(sg.db, 'PROVIDER', madinahInn!.id))?.complaints_total ?? 0;
    await file(as.officer(), against.provider(madinahInn!.id));
    const tally = await tallyOf(sg.db, 'PROVIDER', madinahInn!.id);
    expect(tally!.complaints_total).toBe(before + 1);
  });

  it('refuses both parties, neither, a company complaining about a company, and an unknown provider', async () => {
    const before = await count(sg.db, 'complaint');
    const both = await run(FILE, { input: { ...against.company(), providerId: towers!.id } }, as.officer());
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providerId' });
    const { companyId: _c, ...neither } = against.company();
    const none = await run(FILE, { input: neither }, as.officer());
    expect(none.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.companyId' });
    const rival = await run(FILE, { input: against.company(rawda!.id) }, as.manager(safwa!.id));
    expect(rival.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.companyId' });
    const ghost = await run(FILE, { input: against.provider(randomUUID()) }, as.officer());
    expect(codes(ghost)).toEqual(['NOT_FOUND']);
    const short = await run(FILE, { input: { ...against.company(), description: 'bad' } }, as.officer());
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.description' });
    expect(await count(sg.db, 'complaint')).toBe(before);
  });
});

describe('which companies a complaint may name', () => {
  it('takes the hotline’s against any company there is, an agent’s only against a company it has worked for', async () => {
    const before = await count(sg.db, 'complaint');
    const stranger = randomUUID();
    const unknown = await run(FILE, { input: against.company(stranger) }, as.officer());
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.companyId' });
    // Capetown works for Al-Rawda and Bayt, not Al-Safwa: refused exactly as a company that does not exist.
    const outside = await run(FILE, { input: against.company(safwa!.id) }, as.agent(otherAgent!.id));
    expect(outside.errors).toEqual(unknown.errors);
    expect(await count(sg.db, 'complaint')).toBe(before);

    const agentId = randomUUID();
    const worked = await licensedCompany(sg.db, [agentId]);
    const byAgent = await file(as.agent(agentId), against.company(worked));
    expect(byAgent).toMatchObject({ channel: 'AGENT', company: { id: worked } });
    const byHotline = await file(as.officer(), against.company(await licensedCompany(sg.db)));
    expect(byHotline.channel).toBe('MINISTRY_HOTLINE');
  });
});

describe('answering, escalating and resolving', () => {
  it('lets the company answer (IN_PROGRESS) and resolve, with who and when in the history; a resolution is final', async () => {
    const manager = as.manager(safwa!.id);
    const c = await file(as.officer(), against.company());
    const answered = await run<{ answerComplaint: ComplaintNode }>(
      ANSWER,
      { id: c.id, answer: 'A replacement coach is on its way.' },
      manager,
    );
    expect(answered.data!.answerComplaint.status).toBe('IN_PROGRESS');
    const resolved = await run<{ answerComplaint: ComplaintNode }>(
      ANSWER,
      { id: c.id, answer: 'The group reached the hotel at 23:40.', resolved: true },
      manager,
    );
    expect(resolved.data!.answerComplaint).toMatchObject({
      status: 'RESOLVED',
      resolution: 'The group reached the hotel at 23:40.',
      upheld: null,
    });
    expect(resolved.data!.answerComplaint.history.map((h) => [h.fromStatus, h.toStatus, h.changedByRole])).toEqual([
      [null, 'OPEN', 'MINISTRY_OFFICER'],
      ['OPEN', 'IN_PROGRESS', 'COMPANY_MANAGER'],
      ['IN_PROGRESS', 'RESOLVED', 'COMPANY_MANAGER'],
    ]);
    const again = await run(ANSWER, { id: c.id, answer: 'One more thing.' }, manager);
    expect(codes(again)).toEqual(['INVALID_COMPLAINT_TRANSITION']);
    const reResolve = await run(RESOLVE, { id: c.id, resolution: 'Closing again.', upheld: true }, as.officer());
    expect(codes(reResolve)).toEqual(['INVALID_COMPLAINT_TRANSITION']);
  });

  it('lets a provider answer complaints against it, and nobody else’s', async () => {
    const c = await file(as.manager(safwa!.id), against.provider());
    const own = await run<{ answerComplaint: ComplaintNode }>(
      ANSWER,
      { id: c.id, answer: 'Doubles freed; group moved.', resolved: true },
      as.provider(towers!.id),
    );
    expect(own.data!.answerComplaint.status).toBe('RESOLVED');
    const d = await file(as.manager(safwa!.id), against.provider());
    const other = await run(ANSWER, { id: d.id, answer: 'Not ours to answer.' }, as.provider(madinahInn!.id));
    expect(codes(other)).toEqual(['NOT_FOUND']);
    // The filing company reads the complaint but it is not against them: refused, not hidden.
    const filer = await run(ANSWER, { id: d.id, answer: 'We filed this one.' }, as.manager(safwa!.id));
    expect(codes(filer)).toEqual(['FORBIDDEN']);
    expect((await run<{ complaint: ComplaintNode }>(ONE, { id: d.id }, as.officer())).data!.complaint.status).toBe(
      'OPEN',
    );
  });

  it('keeps an escalated complaint for the ministry to close; the company may still answer it', async () => {
    const c = await file(as.agent(nusantara!.id), against.company());
    const escalated = await run<{ escalateComplaint: ComplaintNode }>(
      ESCALATE,
      { id: c.id, reason: 'Third complaint this week: field committee sent.' },
      as.officer(),
    );
    expect(escalated.data!.escalateComplaint.status).toBe('ESCALATED');
    const close = await run(ANSWER, { id: c.id, answer: 'Fixed.', resolved: true }, as.manager(safwa!.id));
    expect(codes(close)).toEqual(['COMPLAINT_ESCALATED']);
    const note = await run<{ answerComplaint: ComplaintNode }>(
      ANSWER,
      { id: c.id, answer: 'New coach company contracted.' },
      as.manager(safwa!.id),
    );
    expect(note.data!.answerComplaint.status).toBe('ESCALATED');
    const twice = await run(ESCALATE, { id: c.id, reason: 'Again.' }, as.officer());
    expect(codes(twice)).toEqual(['INVALID_COMPLAINT_TRANSITION']);
  });

  it('counts an upheld resolution against the party, and a dismissed one not', async () => {
    const before = await tallyOf(sg.db, 'COMPANY', rawda!.id);
    const upheld = await file(as.officer(), against.company(rawda!.id));
    const dismissed = await file(as.officer(), against.company(rawda!.id));
    await run(RESOLVE, { id: upheld.id, resolution: 'Confirmed by the field committee.', upheld: true }, as.officer());
    const r = await run<{ resolveComplaint: ComplaintNode }>(
      RESOLVE,
      { id: dismissed.id, resolution: 'The bus came on time; the group was at another gate.', upheld: false },
      as.officer(),
    );
    expect(r.data!.resolveComplaint).toMatchObject({ status: 'RESOLVED', upheld: false });
    const after = await tallyOf(sg.db, 'COMPANY', rawda!.id);
    expect(after!.complaints_upheld - (before?.complaints_upheld ?? 0)).toBe(1);
    expect(after!.complaints_total - (before?.complaints_total ?? 0)).toBe(2);
    expect(after!.complaints_open - (before?.complaints_open ?? 0)).toBe(0);
  });
});

describe('the SLA clock', () => {
  // A company of its own, so the counts below are this test's alone.
  let companyId = '';
  beforeAll(async () => {
    companyId = await licensedCompany(sg.db);
  });
  const officer = as.officer();
  const input = (category: ComplaintCategory) => ({
    companyId,
    category,
    description: 'Something went wrong for the group.',
    city: 'Makkah',
  });
  const breaches = async (): Promise<number> => (await tallyOf(sg.db, 'COMPANY', companyId))?.sla_breaches ?? 0;

  it('counts a breach once when an unresolved complaint runs past its due time, and not before', async () => {
    const filedAt = new Date('2031-01-10T08:00:00Z');
    const c = await fileComplaint(sg.db.fork(), officer, input(ComplaintCategory.SERVICE_QUALITY), filedAt);
    expect(c.slaDueAt).toEqual(new Date('2031-01-12T08:00:00Z'));
    await markSlaBreaches(sg.db, new Date('2031-01-12T07:59:59Z'));
    expect(await breaches()).toBe(0);
    expect(
      (
        await sql<{ sla_breached_at: Date | null }>(sg.db, `select sla_breached_at from complaint where id = ?`, [c.id])
      )[0]!.sla_breached_at,
    ).toBeNull();

    expect(await markSlaBreaches(sg.db, new Date('2031-01-12T08:00:01Z'))).toBeGreaterThanOrEqual(1);
    expect(await breaches()).toBe(1);
    // The clock runs on, the job runs again: still one.
    await markSlaBreaches(sg.db, new Date('2031-02-01T00:00:00Z'));
    expect(await breaches()).toBe(1);
    const read = await sg.request<{ complaint: ComplaintNode }>(ONE, { id: c.id }, officer);
    expect(read.data!.complaint.slaBreached).toBe(true);
    expect(read.data!.complaint.history.at(-1)).toMatchObject({ toStatus: 'OPEN', changedByRole: null });
    // Resolving it late does not count it a second time.
    await resolveComplaint(
      sg.db.fork(),
      officer,
      c.id,
      'Settled with the group.',
      false,
      new Date('2031-02-02T00:00:00Z'),
    );
    expect(await breaches()).toBe(1);
  });

  it('counts a complaint resolved after its due time once, even when the job never saw it', async () => {
    const filedAt = new Date('2031-03-01T08:00:00Z');
    const c = await fileComplaint(sg.db.fork(), officer, input(ComplaintCategory.HEALTH_AND_SAFETY), filedAt);
    expect(c.slaDueAt).toEqual(new Date('2031-03-01T14:00:00Z'));
    const before = await breaches();
    const late = await answerComplaint(
      sg.db.fork(),
      as.manager(companyId),
      c.id,
      'Escort found and sent to the hospital.',
      true,
      new Date('2031-03-01T15:00:00Z'),
    );
    expect(late.slaBreached).toBe(true);
    expect(await breaches()).toBe(before + 1);
    await markSlaBreaches(sg.db, new Date('2031-04-01T00:00:00Z'));
    expect(await breaches()).toBe(before + 1);
  });

  it('never counts a complaint resolved in time', async () => {
    const filedAt = new Date('2031-05-01T08:00:00Z');
    const c = await fileComplaint(sg.db.fork(), officer, input(ComplaintCategory.FINANCIAL), filedAt);
    const before = await breaches();
    const onTime = await resolveComplaint(
      sg.db.fork(),
      officer,
      c.id,
      'Refund paid.',
      true,
      new Date('2031-05-05T00:00:00Z'),
    );
    expect(onTime.slaBreached).toBe(false);
    await markSlaBreaches(sg.db, new Date('2031-07-01T00:00:00Z'));
    expect(await breaches()).toBe(before);
  });

  it('takes the SLA hours of the policy in force when filed; later changes leave the clock alone', async () => {
    const r = await sg.request<{ updateCompliancePolicy: { version: number } }>(
      `mutation { updateCompliancePolicy(input: { slaHours: [{ category: OTHER, hours: 5 }], reason: "Faster answers for other matters" }) { version } }`,
      {},
      officer,
    );
    expect(r.errors).toBeUndefined();
    const c = await file(officer, { ...input(ComplaintCategory.OTHER) });
    expect(c.slaHours).toBe(5);
    await sg.request(
      `mutation { updateCompliancePolicy(input: { slaHours: [{ category: OTHER, hours: 72 }], reason: "Back to the usual SLA" }) { version } }`,
      {},
      officer,
    );
    expect((await sg.request<{ complaint: ComplaintNode }>(ONE, { id: c.id }, officer)).data!.complaint.slaHours).toBe(
      5,
    );
  });
});

describe('who sees which complaints', () => {
  it('shows a company the complaints against it and those it filed, a provider those against it, an agent its own', async () => {
    const againstSafwa = await file(as.agent(nusantara!.id), against.company(safwa!.id));
    const againstRawda = await file(as.agent(otherAgent!.id), against.company(rawda!.id));
    const bySafwa = await file(as.manager(safwa!.id), against.provider(madinahInn!.id));
    const ids = async (viewer: Viewer): Promise<Set<string>> =>
      new Set(
        (await run<{ complaints: Listed }>(LIST, { first: 100 }, viewer)).data!.complaints.edges.map((e) => e.node.id),
      );
    const safwaSees = await ids(as.manager(safwa!.id));
    expect(safwaSees.has(againstSafwa.id) && safwaSees.has(bySafwa.id)).toBe(true);
    expect(safwaSees.has(againstRawda.id)).toBe(false);
    const innSees = await ids(as.provider(madinahInn!.id));
    expect(innSees.has(bySafwa.id)).toBe(true);
    expect(innSees.has(againstSafwa.id)).toBe(false);
    const agentSees = await ids(as.agent(nusantara!.id));
    expect(agentSees.has(againstSafwa.id)).toBe(true);
    expect(agentSees.has(againstRawda.id)).toBe(false);
    const one = await run<{ complaint: ComplaintNode | null }>(ONE, { id: againstRawda.id }, as.manager(safwa!.id));
    expect(one.data!.complaint).toBeNull();
    expect(codes(await sg.request(LIST, {}, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('filters by status and SLA breach, and pages with cursors', async () => {
    const officer = as.officer();
    const open = await run<{ complaints: Listed }>(LIST, { filter: { statuses: ['OPEN'] }, first: 100 }, officer);
    expect(open.data!.complaints.edges.every((e) => e.node.status === 'OPEN')).toBe(true);
    const breached = await run<{ complaints: Listed }>(LIST, { filter: { slaBreached: true }, first: 100 }, officer);
    expect(breached.data!.complaints.totalCount).toBeGreaterThan(0);
    expect(breached.data!.complaints.edges.every((e) => e.node.slaBreached)).toBe(true);
    const fine = await run<{ complaints: Listed }>(LIST, { filter: { slaBreached: false }, first: 100 }, officer);
    expect(fine.data!.complaints.edges.every((e) => !e.node.slaBreached)).toBe(true);
    const all = await run<{ complaints: Listed }>(LIST, { first: 3 }, officer);
    expect(breached.data!.complaints.totalCount + fine.data!.complaints.totalCount).toBe(
      all.data!.complaints.totalCount,
    );
    const rest = await run<{ complaints: Listed }>(
      LIST,
      { first: 100, after: all.data!.complaints.pageInfo.endCursor },
      officer,
    );
    const ids = [...all.data!.complaints.edges, ...rest.data!.complaints.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(all.data!.complaints.totalCount);
    const bad = await run(LIST, { filter: { companyId: 'nope' } }, officer);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.companyId' });
  });

  it('reads a page of complaints with providers and histories in the same number of statements whatever its size', async () => {
    const providerId = await createProvider(sg.db, { kind: 'TRANSPORT' });
    for (let i = 0; i < 12; i++) await file(as.manager(rawda!.id), against.provider(providerId));
    const statements = async (first: number): Promise<number> => {
      const before = sg.db.statementCount;
      const r = await run<{ complaints: Listed }>(LIST, { first, filter: { providerId } }, as.officer());
      expect(r.data!.complaints.edges.length).toBe(first);
      return sg.db.statementCount - before;
    };
    const small = await statements(2);
    expect(await statements(12)).toBe(small);
  });
});
