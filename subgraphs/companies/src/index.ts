import { OutboxEventEntity, eventFeedHandler } from '@umrah/events';
import { defineSubgraph, publicKeySet, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { AccountEntity } from './account/account.entity';
import type { CompaniesContext } from './account/account.resolver';
import { LoginThrottle } from './account/throttle';
import { AgentEntity } from './agent/agent.entity';
import { CompanyEntity } from './company/company.entity';
import { seedCompaniesDemo } from './demo-seed';
import { LicenseEntity } from './license/license.entity';
import { migrations } from './migrations/index';
import { LicensingPolicyEntity } from './policy/policy.entity';
import { buildCompaniesSchema } from './schema';

export { AccountEntity, AgentEntity, CompanyEntity, LicenseEntity };
export { hashPassword } from './account/password';

function signingKeyOf(runtime: Parameters<SubgraphDefinition['start']>[0]) {
  if (!runtime.signingKey) throw new Error('The companies subgraph needs a signing key.');
  return runtime.signingKey;
}

export const companiesSubgraph: SubgraphDefinition = defineSubgraph<Pick<CompaniesContext, 'tokens'>>({
  name: 'companies',
  defaultPort: 4001,
  entities: [CompanyEntity, LicenseEntity, AgentEntity, AccountEntity, LicensingPolicyEntity, OutboxEventEntity],
  migrations,
  buildSchema: buildCompaniesSchema,
  seedDemo: seedCompaniesDemo,
  publicRoutes: (runtime) => {
    const keys = publicKeySet([signingKeyOf(runtime)]);
    return (app) => {
      app.get('/.well-known/jwks.json', (_req, res) => {
        res.set('cache-control', 'public, max-age=300').json(keys);
      });
    };
  },
  privateRoutes: (runtime) => (app) => {
    app.get('/events', eventFeedHandler(runtime.db));
  },
  context: (runtime) => {
    const tokens = {
      key: signingKeyOf(runtime),
      lifetimeSeconds: runtime.tokenLifetimeSeconds ?? 900,
      throttle: new LoginThrottle(),
    };
    return () => ({ tokens });
  },
});
