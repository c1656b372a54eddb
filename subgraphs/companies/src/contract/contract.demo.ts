import { uuidv7, type EntityManager } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoId } from '@umrah/demo';
import { AgentEntity, AgentStatusChangeEntity } from '../agent/agent.entity';
import { AgencyContractEntity } from './contract.entity';

const OFFICER = demoId('account:officer');
const SEASON = '1447';
// Long enough to read ACTIVE for the whole demo (today 2026-11-21 and well after).
const ACTIVE_FROM = '2025-07-01';
const ACTIVE_TO = '2027-06-30';
const APPROVED_AT = new Date('2025-06-20T09:00:00Z');

const contacts: Record<
  string,
  { email: string; phone: string; rating: number; violations: number; complaints: number }
> = {
  ID: { email: 'ops@nusantara-umrah.co.id', phone: '+62215550101', rating: 4.6, violations: 0, complaints: 2 },
  PK: { email: 'info@karachi-umrah.pk', phone: '+922135550102', rating: 3.9, violations: 1, complaints: 4 },
  ZA: { email: 'desk@capetown-pilgrims.co.za', phone: '+27215550103', rating: 4.2, violations: 0, complaints: 1 },
  TR: { email: 'umre@istanbul-hac.com.tr', phone: '+902125550104', rating: 4.8, violations: 0, complaints: 0 },
  KE: { email: 'hello@nairobi-umrah.co.ke', phone: '+254205550105', rating: 3.1, violations: 2, complaints: 6 },
  US: { email: 'travel@midwest-umrah.com', phone: '+13125550106', rating: 4.4, violations: 0, complaints: 1 },
};

/**
 * Agent contact and rating fields, an ACTIVE contract for every company an agent works for in the
 * demo cast, one SUBMITTED contract waiting for an officer, one TERMINATED one, and one agent
 * PENDING approval. Expects the companies and agents to be written already.
 */
export async function seedAgencyContractsDemo(em: EntityManager): Promise<void> {
  const agents = await em.find(AgentEntity, { id: { $in: demoAgents.map((a) => a.id) } });
  for (const agent of agents) {
    const c = contacts[agent.countryCode];
    if (!c) continue;
    Object.assign(agent, {
      contactEmail: c.email,
      contactPhone: c.phone,
      rating: c.rating,
      violationsCount: c.violations,
      complaintsCount: c.complaints,
      approvedAt: APPROVED_AT,
      approvedBy: OFFICER,
    });
    em.create(AgentStatusChangeEntity, {
      id: uuidv7(),
      agentId: agent.id,
      fromStatus: 'PENDING',
      toStatus: 'ACTIVE',
      reason: 'Home licence and bank guarantee verified',
      cureUntil: null,
      changedBy: OFFICER,
      changedAt: APPROVED_AT,
    });
  }
  const pending = em.create(AgentEntity, {
    id: demoId('agent:dhaka'),
    name: 'Dhaka Umrah Link Ltd',
    countryCode: 'BD',
    homeLicenseNumber: 'BD-TA-20297',
    status: 'PENDING',
    contactEmail: 'contact@dhaka-umrah.com.bd',
    contactPhone: '+880295550107',
    suspendedUntil: null,
    rating: null,
    violationsCount: 0,
    complaintsCount: 0,
    approvedAt: null,
    approvedBy: null,
  });
  // History rows refer to the agent by a plain id column: write the agent first.
  await em.flush();
  em.create(AgentStatusChangeEntity, {
    id: uuidv7(),
    agentId: pending.id,
    fromStatus: null,
    toStatus: 'PENDING',
    reason: 'Registered by a ministry officer',
    cureUntil: null,
    changedBy: OFFICER,
  });

  const base = {
    season: SEASON,
    createdBy: null,
    approvedAt: null,
    approvedBy: null,
    submittedAt: null,
    rejectedAt: null,
    rejectionReason: null,
    terminatedAt: null,
    terminationReason: null,
  };
  for (const agent of demoAgents) {
    for (const companyId of agent.companyIds) {
      em.create(AgencyContractEntity, {
        ...base,
        id: demoId(`contract:${agent.id}:${companyId}`),
        companyId,
        agentId: agent.id,
        validFrom: ACTIVE_FROM,
        validTo: ACTIVE_TO,
        status: 'APPROVED',
        submittedAt: new Date('2025-06-15T08:00:00Z'),
        approvedAt: APPROVED_AT,
        approvedBy: OFFICER,
      });
    }
  }
  const [, rawda, , , zamzam] = demoCompanies;
  const chicago = demoAgents[5]!;
  const istanbul = demoAgents[3]!;
  // Waiting for an officer: Midwest Umrah Travel with Al-Rawda.
  em.create(AgencyContractEntity, {
    ...base,
    id: demoId('contract:submitted'),
    companyId: rawda!.id,
    agentId: chicago.id,
    validFrom: '2026-12-01',
    validTo: '2027-11-30',
    status: 'SUBMITTED',
    submittedAt: new Date('2026-01-12T10:30:00Z'),
  });
  // Ended early: İstanbul Hac ve Umre had an earlier, separate contract with Zamzam.
  em.create(AgencyContractEntity, {
    ...base,
    id: demoId('contract:terminated'),
    companyId: zamzam!.id,
    agentId: istanbul.id,
    season: '1446',
    validFrom: '2024-08-01',
    validTo: '2025-06-30',
    status: 'TERMINATED',
    submittedAt: new Date('2024-07-10T08:00:00Z'),
    approvedAt: new Date('2024-07-14T08:00:00Z'),
    approvedBy: OFFICER,
    terminatedAt: new Date('2025-02-03T12:00:00Z'),
    terminationReason: 'Agent failed to report two overstaying pilgrims',
  });
  await em.flush();
}
