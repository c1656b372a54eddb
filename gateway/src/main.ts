import { readFileSync } from 'node:fs';
import { devSubgraphSecret } from '@umrah/subgraph-kit';
import { loadEnv, SUBGRAPHS } from './env';
import { startGateway } from './gateway';
import { limitsFromEnv } from './limits';

const env = loadEnv();
const read = (key: string): string | undefined => (env as Record<string, unknown>)[key] as string | undefined;
const started = Date.now();
const gateway = await startGateway({
  supergraphSdl: readFileSync(env.SUPERGRAPH_PATH, 'utf8'),
  secrets: Object.fromEntries(
    SUBGRAPHS.map((s) => [s, read(`SUBGRAPH_SECRET_${s.toUpperCase()}`) ?? devSubgraphSecret(s)]),
  ),
  subgraphUrls: Object.fromEntries(
    SUBGRAPHS.map((s, i) => [s, read(`SUBGRAPH_URL_${s.toUpperCase()}`) ?? `http://127.0.0.1:${4001 + i}/graphql`]),
  ),
  port: env.PORT,
  host: env.HOST,
  production: env.NODE_ENV === 'production',
  corsOrigins: env.CORS_ORIGINS,
  limits: limitsFromEnv(env),
  trustProxy: env.TRUST_PROXY,
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
});
console.log(`[gateway] ready at ${gateway.url} (health: /health, readiness: /ready) in ${Date.now() - started} ms`);
const stop = async (): Promise<void> => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
