import { OutboxEventEntity, eventFeedHandler } from '@umrah/events';
import { defineSubgraph, publicKeySet, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { AccountEntity } from './account/account.entity';
import { companiesAuth, type CompaniesContextFields } from './account/auth.setup';
import { AgentEntity, AgentStatusChangeEntity } from './agent/agent.entity';
import { ApiClientEntity } from './api-client/api-client.entity';
import { AuditLogEntity } from './audit/audit.entity';
import { auditEventHandler } from './audit/audit.handler';
import { CompanyEntity } from './company/company.entity';
import { AgencyContractEntity } from './contract/contract.entity';
import { seedCompaniesDemo } from './demo-seed';
import { LicenseEntity } from './license/license.entity';
import { LicenseStatusChangeEntity } from './license/license-history.entity';
import { migrations } from './migrations/index';
import { LicensingPolicyEntity } from './policy/policy.entity';
import { buildCompaniesSchema } from './schema';

export { AccountEntity, AgentEntity, CompanyEntity, LicenseEntity };
export { hashPassword } from './account/password';

function signingKeyOf(runtime: Parameters<SubgraphDefinition['start']>[0]) {
  if (!runtime.signingKey) throw new Error('The companies subgraph needs a signing key.');
  return runtime.signingKey;
}

export const companiesSubgraph: SubgraphDefinition = defineSubgraph<CompaniesContextFields>({
  name: 'companies',
  defaultPort: 4001,
  entities: [
    CompanyEntity,
    LicenseEntity,
    AgentEntity,
    AccountEntity,
    LicensingPolicyEntity,
    OutboxEventEntity,
    LicenseStatusChangeEntity,
    AuditLogEntity,
    AgentStatusChangeEntity,
    AgencyContractEntity,
    ApiClientEntity,
  ],
  migrations,
  buildSchema: buildCompaniesSchema,
  seedDemo: seedCompaniesDemo,
  publicRoutes: (runtime) => {
    const keys = publicKeySet([signingKeyOf(runtime)], runtime.trustedKeys);
    return (app) => {
      app.get('/.well-known/jwks.json', (_req, res) => {
        res.set('cache-control', 'public, max-age=300').json(keys);
      });
    };
  },
  privateRoutes: (runtime) => (app) => {
    app.get('/events', eventFeedHandler(runtime.db));
    app.use('/graphql', companiesAuth(runtime, signingKeyOf(runtime)).guard);
  },
  context: (runtime) => companiesAuth(runtime, signingKeyOf(runtime)).context,
  // The other subgraphs' audit entries, kept here as the one trail of the whole graph.
  consumers: [
    { source: 'pilgrims', handler: auditEventHandler('pilgrims'), types: ['AuditRecorded'] },
    { source: 'packages', handler: auditEventHandler('packages'), types: ['AuditRecorded'] },
    { source: 'loyalty', handler: auditEventHandler('loyalty'), types: ['AuditRecorded'] },
  ],
});
