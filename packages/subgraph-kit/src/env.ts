import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** Settings every subgraph reads; each subgraph's `env.ts` extends this. */
export const subgraphEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    /** PostgreSQL server; when unset the embedded PGlite database in DATA_DIR is used. */
    DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().optional(),
    /**
     * Connections each subgraph process keeps to PostgreSQL. Four subgraphs at the default 10 use 40
     * of the server's 100 (PostgreSQL's default max_connections), leaving room for a second instance
     * of each, migrations and operators; raise it with the server's max_connections, not past it.
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** Shared with the gateway; required outside development. */
    SUBGRAPH_SECRET: z.string().min(16).optional(),
    /** Where the companies subgraph publishes its token keys. */
    JWKS_URL: z.string().url().default('http://127.0.0.1:4001/.well-known/jwks.json'),
    /** Seeds the demo cast and data into an empty database. Never in production. */
    DEMO: flag,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SUBGRAPH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SUBGRAPH_SECRET'], message: 'is required in production' });
    }
    if (env.NODE_ENV === 'production' && env.DEMO) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO'],
        message: 'demo data and demo passwords are refused in production',
      });
    }
  });

/** Parses the environment once; prints every problem and exits when any is found. */
export function parseEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv = process.env): z.output<S> {
  const result = schema.safeParse(source);
  if (!result.success) {
    for (const issue of result.error.issues) console.error(`config: ${issue.path.join('.')} ${issue.message}`);
    process.exit(1);
  }
  return result.data;
}

/** Development-only secret per subgraph, so a fresh clone runs without configuration. */
export const devSubgraphSecret = (name: string): string => `dev-only-subgraph-secret-${name}`;
