import { readFileSync } from 'node:fs';
import { devSubgraphSecret, parseEnv } from '@umrah/subgraph-kit';
import { z } from 'zod';
import { startGateway } from './gateway';

const SUBGRAPHS = ['companies', 'pilgrims', 'packages', 'loyalty'] as const;

const env = parseEnv(
  z
    .object({
      NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
      PORT: z.coerce.number().int().min(0).max(65535).default(4000),
      HOST: z.string().default('127.0.0.1'),
      SUPERGRAPH_PATH: z.string().default(new URL('../supergraph.graphql', import.meta.url).pathname),
      CORS_ORIGINS: z.string().default('http://localhost:5173,http://127.0.0.1:5173'),
      ...Object.fromEntries(
        SUBGRAPHS.map((s) => [`SUBGRAPH_SECRET_${s.toUpperCase()}`, z.string().min(16).optional()]),
      ),
      ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.toUpperCase()}`, z.string().url().optional()])),
    })
    .superRefine((e, ctx) => {
      if (e.NODE_ENV !== 'production') return;
      for (const s of SUBGRAPHS) {
        const key = `SUBGRAPH_SECRET_${s.toUpperCase()}` as keyof typeof e;
        if (!e[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
    }),
);

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
  corsOrigins: env.CORS_ORIGINS.split(',').map((o) => o.trim()),
});
console.log(`[gateway] ready at ${gateway.url} (health: /health, readiness: /ready) in ${Date.now() - started} ms`);
const stop = async (): Promise<void> => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
