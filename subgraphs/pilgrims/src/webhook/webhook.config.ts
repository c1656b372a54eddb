import { createHash } from 'node:crypto';
import { parseEnv } from '@umrah/subgraph-kit';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const milliseconds = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** Settings of webhook delivery; every value has a default that is right for production except the key. */
export const webhookEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /**
     * Allows plain `http://` URLs, and only to loopback hosts (127.0.0.0/8, ::1, localhost): for
     * tests and the demo. Refused in production.
     */
    WEBHOOK_ALLOW_INSECURE_URLS: flag,
    /** 32 bytes, base64 or hex: encrypts signing secrets at rest. Required in production. */
    WEBHOOK_SECRETS_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
    /** How long a receiver has to answer one attempt. */
    WEBHOOK_TIMEOUT_MS: milliseconds(1_000, 60_000, 10_000),
    /** Attempts per delivery before it is marked FAILED. */
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(12),
    /** First retry delay; each further retry doubles it (with ±20 % jitter) up to the cap. */
    WEBHOOK_RETRY_BASE_MS: milliseconds(0, 3_600_000, 30_000),
    WEBHOOK_RETRY_CAP_MS: milliseconds(0, 86_400_000, 6 * 3_600_000),
    /** Pause between sender passes that found nothing due. */
    WEBHOOK_POLL_MS: milliseconds(100, 60_000, 2_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.WEBHOOK_ALLOW_INSECURE_URLS) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_ALLOW_INSECURE_URLS'], message: 'is refused in production' });
    }
    if (env.NODE_ENV === 'production' && !env.WEBHOOK_SECRETS_KEY) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRETS_KEY'], message: 'is required in production' });
    }
    if (env.WEBHOOK_SECRETS_KEY && keyBytes(env.WEBHOOK_SECRETS_KEY) === null) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRETS_KEY'], message: 'must be 32 bytes in base64 or hex' });
    }
  });

function keyBytes(text: string): Buffer | null {
  const hex = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : null;
  const key = hex ?? Buffer.from(text, 'base64');
  return key.length === 32 ? key : null;
}

export interface WebhookConfig {
  allowInsecureUrls: boolean;
  /** AES-256 key for the signing secrets at rest. */
  secretsKey: Buffer;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryCapMs: number;
  pollMs: number;
}

/** Reads the webhook settings from an environment; prints every problem and exits when any is found. */
export function readWebhookConfig(source: NodeJS.ProcessEnv = process.env): WebhookConfig {
  const env = parseEnv(webhookEnvSchema, source);
  return {
    allowInsecureUrls: env.WEBHOOK_ALLOW_INSECURE_URLS,
    secretsKey: env.WEBHOOK_SECRETS_KEY
      ? keyBytes(env.WEBHOOK_SECRETS_KEY)!
      : // Development and tests only (production requires the variable).
        createHash('sha256').update('dev-only-webhook-secrets-key').digest(),
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
    retryCapMs: env.WEBHOOK_RETRY_CAP_MS,
    pollMs: env.WEBHOOK_POLL_MS,
  };
}

let parsed: WebhookConfig | null = null;

/** The process's webhook settings, parsed once on first use (at start, not at import). */
export function webhookConfig(): WebhookConfig {
  parsed ??= readWebhookConfig();
  return parsed;
}
