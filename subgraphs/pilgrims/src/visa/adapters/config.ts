import { parseEnv } from '@umrah/subgraph-kit';
import { z } from 'zod';
import type { VisaAdapters } from './adapters';
import { httpMofa, httpPayment } from './http';
import { simulatedMofa, simulatedPayment } from './simulated';

const rate = z.coerce.number().min(0).max(1);

/** Which MOFA and payment systems the visa flow talks to, parsed once from the environment. */
export const visaEnvSchema = z.object({
  MOFA_ADAPTER: z.enum(['simulated', 'http']).default('simulated'),
  MOFA_URL: z.string().url().optional(),
  MOFA_API_KEY: z.string().min(16).optional(),
  MOFA_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(300),
  MOFA_FAILURE_RATE: rate.default(0.05),
  MOFA_REFUSAL_RATE: rate.default(0),
  PAYMENT_ADAPTER: z.enum(['simulated', 'http']).default('simulated'),
  PAYMENT_URL: z.string().url().optional(),
  PAYMENT_API_KEY: z.string().min(16).optional(),
  PAYMENT_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(150),
  PAYMENT_FAILURE_RATE: rate.default(0.05),
  PAYMENT_DECLINE_RATE: rate.default(0),
  /** First retry after this many milliseconds, doubling each attempt up to VISA_RETRY_MAX_MS. */
  VISA_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(1_000),
  VISA_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(600_000),
  ADAPTER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
});

export type VisaEnv = z.infer<typeof visaEnvSchema>;

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

export function visaEnv(): VisaEnv {
  return parseEnv(visaEnvSchema);
}

/** The adapters the configuration names; an HTTP adapter without its URL and key refuses to start. */
export function adaptersFrom(env: VisaEnv): VisaAdapters {
  const http = (url: string | undefined, key: string | undefined, name: string) => {
    if (!url || !key) throw new Error(`${name}_URL and ${name}_API_KEY are required with ${name}_ADAPTER=http`);
    return { baseUrl: url, apiKey: key, timeoutMs: env.ADAPTER_TIMEOUT_MS };
  };
  return {
    mofa:
      env.MOFA_ADAPTER === 'http'
        ? httpMofa(http(env.MOFA_URL, env.MOFA_API_KEY, 'MOFA'))
        : simulatedMofa({
            latencyMs: env.MOFA_LATENCY_MS,
            failureRate: env.MOFA_FAILURE_RATE,
            refusalRate: env.MOFA_REFUSAL_RATE,
          }),
    payment:
      env.PAYMENT_ADAPTER === 'http'
        ? httpPayment(http(env.PAYMENT_URL, env.PAYMENT_API_KEY, 'PAYMENT'))
        : simulatedPayment({
            latencyMs: env.PAYMENT_LATENCY_MS,
            failureRate: env.PAYMENT_FAILURE_RATE,
            refusalRate: env.PAYMENT_DECLINE_RATE,
          }),
  };
}
