import { publicKeySet, startSubgraph, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { AccountEntity } from './account/account.entity';
import type { CompaniesContext } from './account/account.resolver';
import { LoginThrottle } from './account/throttle';
import { AgentEntity } from './agent/agent.entity';
import { CompanyEntity } from './company/company.entity';
import { seedCompaniesDemo } from './demo-seed';
import { LicenseEntity } from './license/license.entity';
import { migrations } from './migrations/0001-initial';
import { buildCompaniesSchema } from './schema';

export { AccountEntity, AgentEntity, CompanyEntity, LicenseEntity };
export { hashPassword } from './account/password';

export const companiesSubgraph: SubgraphDefinition = {
  name: 'companies',
  defaultPort: 4001,
  entities: [CompanyEntity, LicenseEntity, AgentEntity, AccountEntity],
  migrations,
  buildSchema: buildCompaniesSchema,
  seedDemo: seedCompaniesDemo,
  async start(runtime) {
    const key = runtime.signingKey;
    if (!key) throw new Error('The companies subgraph needs a signing key.');
    const { schema } = await buildCompaniesSchema();
    const throttle = new LoginThrottle();
    return startSubgraph<Pick<CompaniesContext, 'tokens'>>({
      name: 'companies',
      schema,
      db: runtime.db,
      verifyToken: runtime.verifyToken,
      secret: runtime.secret,
      port: runtime.port,
      ...(runtime.host ? { host: runtime.host } : {}),
      production: runtime.production ?? false,
      publicRoutes: (app) => {
        app.get('/.well-known/jwks.json', (_req, res) => {
          res.set('cache-control', 'public, max-age=300').json(publicKeySet([key]));
        });
      },
      extendContext: () => ({ tokens: { key, lifetimeSeconds: runtime.tokenLifetimeSeconds ?? 900, throttle } }),
    });
  },
};
