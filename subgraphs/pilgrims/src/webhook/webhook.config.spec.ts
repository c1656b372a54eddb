import { describe, expect, it } from 'vitest';
import { readWebhookConfig, webhookEnvSchema } from './webhook.config';

const problems = (env: Record<string, string>): string[] => {
  const result = webhookEnvSchema.safeParse(env);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
};

describe('webhook configuration', () => {
  it('has production defaults: https only, 10 s, 12 attempts from 30 s up to 6 h', () => {
    expect(readWebhookConfig({})).toMatchObject({
      allowInsecureUrls: false,
      timeoutMs: 10_000,
      maxAttempts: 12,
      retryBaseMs: 30_000,
      retryCapMs: 21_600_000,
    });
  });

  it('refuses insecure URLs and a missing secrets key in production', () => {
    expect(problems({ NODE_ENV: 'production', WEBHOOK_ALLOW_INSECURE_URLS: 'true' })).toEqual([
      'WEBHOOK_ALLOW_INSECURE_URLS is refused in production',
      'WEBHOOK_SECRETS_KEY is required in production',
    ]);
    expect(problems({ NODE_ENV: 'production', WEBHOOK_SECRETS_KEY: 'a'.repeat(64) })).toEqual([]);
  });

  it('takes a 32-byte key in hex or base64, and nothing shorter', () => {
    expect(readWebhookConfig({ WEBHOOK_SECRETS_KEY: 'ab'.repeat(32) }).secretsKey).toEqual(Buffer.alloc(32, 0xab));
    expect(readWebhookConfig({ WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') }).secretsKey).toEqual(
      Buffer.alloc(32, 7),
    );
    expect(problems({ WEBHOOK_SECRETS_KEY: 'too-short' })).toEqual([
      'WEBHOOK_SECRETS_KEY must be 32 bytes in base64 or hex',
    ]);
  });
});
