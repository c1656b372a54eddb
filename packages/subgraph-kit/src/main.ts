import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@umrah/db-kit';
import { z } from 'zod';
import {
  createTokenVerifier,
  generateSigningKey,
  parseSigningKey,
  parseTrustedKeys,
  publicKeySet,
  type SigningKey,
} from './auth';
import type { SubgraphDefinition } from './definition';
import { devSubgraphSecret, parseEnv, subgraphEnvSchema } from './env';

const mainEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Private signing key as a JWK (JSON); companies only. Generated into DATA_DIR in development. */
  TOKEN_SIGNING_KEY: z.string().optional(),
  /**
   * Public keys published beside the signing key while keys rotate (a JSON array of JWKs); companies
   * only. See README, "Rotating the token key".
   */
  TOKEN_TRUSTED_KEYS: z.string().optional(),
  TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  /** The companies subgraph's event feed and its secret, for subgraphs that consume its events. */
  FEED_URL_COMPANIES: z.string().url().default('http://127.0.0.1:4001/events'),
  FEED_SECRET_COMPANIES: z.string().min(16).optional(),
  /** The packages subgraph's event feed (bookings) and its secret. */
  FEED_URL_PACKAGES: z.string().url().default('http://127.0.0.1:4003/events'),
  FEED_SECRET_PACKAGES: z.string().min(16).optional(),
  /** The pilgrims subgraph's event feed (overstays, visa issuance) and its secret. */
  FEED_URL_PILGRIMS: z.string().url().default('http://127.0.0.1:4002/events'),
  FEED_SECRET_PILGRIMS: z.string().min(16).optional(),
  /** The loyalty subgraph's event feed (its audit entries) and its secret. */
  FEED_URL_LOYALTY: z.string().url().default('http://127.0.0.1:4004/events'),
  FEED_SECRET_LOYALTY: z.string().min(16).optional(),
});

async function loadSigningKey(dataDir: string, fromEnv: string | undefined, production: boolean): Promise<SigningKey> {
  if (fromEnv) return parseSigningKey(fromEnv);
  if (production) throw new Error('TOKEN_SIGNING_KEY is required in production');
  const file = join(dataDir, 'signing-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
  const key = await generateSigningKey();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

/** The `main.ts` of every subgraph: parse config, migrate, seed the demo if asked, serve. */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  const env = parseEnv(subgraphEnvSchema);
  const extra = parseEnv(mainEnvSchema);
  const production = env.NODE_ENV === 'production';
  const dataDir = env.DATA_DIR ?? join(process.cwd(), 'data');
  const started = Date.now();
  mkdirSync(dataDir, { recursive: true });
  const db = await openDatabase({
    entities: definition.entities,
    migrations: definition.migrations,
    ...(env.DATABASE_URL
      ? { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { dataDir: join(dataDir, 'pglite') }),
  });
  const applied = await db.migrate();
  if (env.DEMO) await definition.seedDemo(db);
  const signingKey =
    definition.name === 'companies' ? await loadSigningKey(dataDir, extra.TOKEN_SIGNING_KEY, production) : undefined;
  const trustedKeys = signingKey ? parseTrustedKeys(extra.TOKEN_TRUSTED_KEYS) : [];
  // The companies subgraph trusts exactly the keys it publishes; the others fetch them (and fetch
  // again when a token names a kid they have not seen, so a new key needs no restart).
  const verifyToken = createTokenVerifier(signingKey ? publicKeySet([signingKey], trustedKeys) : new URL(env.JWKS_URL));
  const running = await definition.start({
    db,
    verifyToken,
    secret: env.SUBGRAPH_SECRET ?? devSubgraphSecret(definition.name),
    port: extra.PORT ?? definition.defaultPort,
    host: env.HOST,
    production,
    ...(signingKey ? { signingKey, trustedKeys } : {}),
    tokenLifetimeSeconds: extra.TOKEN_LIFETIME_SECONDS,
    feeds: {
      companies: {
        url: extra.FEED_URL_COMPANIES,
        secret: extra.FEED_SECRET_COMPANIES ?? devSubgraphSecret('companies'),
      },
      packages: {
        url: extra.FEED_URL_PACKAGES,
        secret: extra.FEED_SECRET_PACKAGES ?? devSubgraphSecret('packages'),
      },
      pilgrims: {
        url: extra.FEED_URL_PILGRIMS,
        secret: extra.FEED_SECRET_PILGRIMS ?? devSubgraphSecret('pilgrims'),
      },
      loyalty: {
        url: extra.FEED_URL_LOYALTY,
        secret: extra.FEED_SECRET_LOYALTY ?? devSubgraphSecret('loyalty'),
      },
    },
  });
  console.log(
    `[${definition.name}] ready at ${running.url} on ${db.kind} (${applied.length} migrations applied) in ${Date.now() - started} ms`,
  );
  const stop = async (): Promise<void> => {
    await running.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
