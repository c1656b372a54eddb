import { parseEnv } from '@umrah/subgraph-kit';
import { z } from 'zod';
import { limitsEnvSchema } from './limits';

export const SUBGRAPHS = ['companies', 'pilgrims', 'packages', 'loyalty'] as const;

/** `scheme://host[:port]`, as a browser sends it in `Origin`. */
const origin = z.string().regex(/^https?:\/\/[^/\s*]+$/, 'must be an origin such as https://app.example.sa');

/** Express's `trust proxy`: `false` (default), `true`, a hop count, or addresses / subnets / `loopback`. */
const trustProxy = z
  .string()
  .default('false')
  .transform((v): boolean | number | string => {
    if (v === 'false' || v === '') return false;
    if (v === 'true') return true;
    return /^\d+$/.test(v) ? Number(v) : v;
  });

export const gatewayEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default('127.0.0.1'),
    SUPERGRAPH_PATH: z.string().default(new URL('../supergraph.graphql', import.meta.url).pathname),
    /** Origins allowed to call the API from a browser, comma-separated; empty for none. */
    CORS_ORIGINS: z
      .string()
      .default('http://localhost:5173,http://127.0.0.1:5173')
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(origin)),
    TRUST_PROXY: trustProxy,
    /** Longest wait for one subgraph's answer, in milliseconds; past it that part of a query fails alone. */
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
    ...limitsEnvSchema.shape,
    ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_SECRET_${s.toUpperCase()}`, z.string().min(16).optional()])),
    ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.toUpperCase()}`, z.string().url().optional()])),
  })
  .superRefine((e, ctx) => {
    if (e.NODE_ENV !== 'production') return;
    for (const s of SUBGRAPHS) {
      const key = `SUBGRAPH_SECRET_${s.toUpperCase()}` as keyof typeof e;
      if (!e[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
  });

export type GatewayEnv = z.output<typeof gatewayEnvSchema>;

export const loadEnv = (source: NodeJS.ProcessEnv = process.env): GatewayEnv => parseEnv(gatewayEnvSchema, source);
