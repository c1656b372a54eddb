import { randomUUID } from 'node:crypto';
import { demoAgents, demoCompanies } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { seedCompanyDirectory } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplaintCategory } from '../src/complaint/complaint.rules';
import { fileComplaint } from '../src/complaint/complaint.service';
import { packagesSubgraph } from '../src/index';
import { ViolationType } from '../src/violation/violation.rules';
import { recordViolation } from '../src/violation/violation.service';
import { createProvider } from './builders';
import { complianceSnapshot } from './compliance.fixtures';

/**
 * Every compliance mutation against every kind of caller. `null` means the call succeeds; a code
 * means it is refused with that code and changes nothing (complaints, histories, inspections,
 * violations, tallies, policy and outbox are compared before and after).
 */
let sg: TestSubgraph;
const [safwa, rawda] = demoCompanies;
const [nusantara] = demoAgents;
const hotel = { id: '' };
const otherHotel = { id: '' };

beforeAll(async () => {
  sg = await bootSubgraph(packagesSubgraph);
  // The demo's companies and contracts, as the companies feed tells them.
  await seedCompanyDirectory(sg.db.fork(), demoCompanies, demoAgents);
  hotel.id = await createProvider(sg.db);
  otherHotel.id = await createProvider(sg.db);
});
afterAll(() => sg.close());

type Caller = 'supervisor' | 'officer' | 'manager' | 'otherManager' | 'agent' | 'provider' | 'otherProvider';
const callers: Record<Caller, () => Viewer> = {
  supervisor: as.supervisor,
  officer: as.officer,
  manager: () => as.manager(safwa!.id),
  otherManager: () => as.manager(rawda!.id),
  agent: () => as.agent(nusantara!.id),
  provider: () => as.provider(hotel.id),
  otherProvider: () => as.provider(otherHotel.id),
};

/** A fresh complaint against Al-Safwa (by an agent) or against the hotel (by Al-Safwa). */
const complaintAgainst = async (party: 'company' | 'provider'): Promise<string> =>
  (
    await fileComplaint(sg.db.fork(), party === 'company' ? as.agent(nusantara!.id) : as.manager(safwa!.id), {
      ...(party === 'company' ? { companyId: safwa!.id } : { providerId: hotel.id }),
      category: ComplaintCategory.ACCOMMODATION,
      description: 'Rooms not as sold to the group.',
      city: 'Makkah',
    })
  ).id;

const violationOf = async (): Promise<string> =>
  (
    await recordViolation(sg.db.fork(), as.officer(), {
      companyId: safwa!.id,
      type: ViolationType.NO_TRANSPORT,
      fineHalalas: 1_000_000,
      details: 'No bus for the group.',
    })
  ).id;

interface Operation {
  name: string;
  query: string;
  variables: () => Promise<Record<string, unknown>>;
  outcomes: Record<Caller, string | null>;
}

const FORBIDDEN = 'FORBIDDEN';
const officerOnly = (): Record<Caller, string | null> => ({
  supervisor: FORBIDDEN,
  officer: null,
  manager: FORBIDDEN,
  otherManager: FORBIDDEN,
  agent: FORBIDDEN,
  provider: FORBIDDEN,
  otherProvider: FORBIDDEN,
});

const operations: Operation[] = [
  {
    name: 'fileComplaint (against a provider)',
    query: `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`,
    variables: async () => ({
      input: { providerId: hotel.id, category: 'CATERING', description: 'Meals served cold for days.', city: 'Makkah' },
    }),
    outcomes: { ...officerOnly(), manager: null, otherManager: null, agent: null },
  },
  {
    name: 'answerComplaint (against Al-Safwa)',
    query: `mutation($id: ID!) { answerComplaint(id: $id, answer: "We are on it.") { id status } }`,
    variables: async () => ({ id: await complaintAgainst('company') }),
    outcomes: {
      supervisor: FORBIDDEN,
      officer: FORBIDDEN,
      manager: null,
      otherManager: 'NOT_FOUND',
      agent: FORBIDDEN,
      provider: 'NOT_FOUND',
      otherProvider: 'NOT_FOUND',
    },
  },
  {
    name: 'answerComplaint (against the hotel, filed by Al-Safwa)',
    query: `mutation($id: ID!) { answerComplaint(id: $id, answer: "Rooms changed.", resolved: true) { id status } }`,
    variables: async () => ({ id: await complaintAgainst('provider') }),
    outcomes: {
      supervisor: FORBIDDEN,
      officer: FORBIDDEN,
      manager: FORBIDDEN,
      otherManager: 'NOT_FOUND',
      agent: FORBIDDEN,
      provider: null,
      otherProvider: 'NOT_FOUND',
    },
  },
  {
    name: 'escalateComplaint',
    query: `mutation($id: ID!) { escalateComplaint(id: $id, reason: "Field committee sent.") { id } }`,
    variables: async () => ({ id: await complaintAgainst('company') }),
    outcomes: officerOnly(),
  },
  {
    name: 'resolveComplaint',
    query: `mutation($id: ID!) { resolveComplaint(id: $id, resolution: "Confirmed.", upheld: true) { id } }`,
    variables: async () => ({ id: await complaintAgainst('provider') }),
    outcomes: officerOnly(),
  },
  {
    name: 'recordInspection',
    query: `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`,
    variables: async () => ({
      input: {
        companyId: safwa!.id,
        city: 'Makkah',
        site: 'Guest house',
        visitedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        findings: 'Unlicensed guest house used for the group.',
        violations: [{ type: 'UNLICENSED_HOUSING', fineHalalas: 5_000_000, details: 'No licence shown.' }],
      },
    }),
    outcomes: officerOnly(),
  },
  {
    name: 'recordViolation',
    query: `mutation($input: RecordViolationInput!) { recordViolation(input: $input) { id } }`,
    variables: async () => ({
      input: { companyId: safwa!.id, type: 'OTHER', fineHalalas: 100_000, details: 'Late registration.' },
    }),
    outcomes: officerOnly(),
  },
  {
    name: 'cureViolation',
    query: `mutation($id: ID!) { cureViolation(id: $id, note: "Put right.") { id } }`,
    variables: async () => ({ id: await violationOf() }),
    outcomes: officerOnly(),
  },
  {
    name: 'escalateViolation (cure period still running)',
    query: `mutation($id: ID!) { escalateViolation(id: $id, note: "Not put right.") { id } }`,
    variables: async () => ({ id: await violationOf() }),
    outcomes: { ...officerOnly(), officer: 'CURE_PERIOD_RUNNING' },
  },
  {
    name: 'cancelViolation',
    query: `mutation($id: ID!) { cancelViolation(id: $id, reason: "Recorded in error.") { id } }`,
    variables: async () => ({ id: await violationOf() }),
    outcomes: officerOnly(),
  },
  {
    name: 'updateCompliancePolicy',
    query: `mutation { updateCompliancePolicy(input: { curePeriodDays: 30, reason: "Confirmed for the season." }) { version } }`,
    variables: async () => ({}),
    outcomes: officerOnly(),
  },
];

const cases = operations.flatMap((op) =>
  (Object.keys(op.outcomes) as Caller[]).map((caller) => [op.name, caller, op.outcomes[caller], op] as const),
);

describe('who may call each compliance mutation', () => {
  it.each(cases)('%s as %s → %s', async (_name, caller, expected, op) => {
    const variables = await op.variables();
    const before = await complianceSnapshot(sg.db);
    const r = await sg.request(op.query, variables, callers[caller]());
    if (expected === null) {
      expect(r.errors).toBeUndefined();
      expect(await complianceSnapshot(sg.db)).not.toEqual(before);
    } else {
      expect(codes(r)).toEqual([expected]);
      expect(await complianceSnapshot(sg.db)).toEqual(before);
    }
  });

  it('refuses every mutation to an anonymous caller', async () => {
    for (const op of operations) {
      const r = await sg.request(op.query, await op.variables(), null);
      expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('treats an id that does not exist like one out of reach', async () => {
    const r = await sg.request(
      `mutation { cureViolation(id: "${randomUUID()}", note: "Put right.") { id } }`,
      {},
      as.officer(),
    );
    expect(codes(r)).toEqual(['NOT_FOUND']);
  });
});
