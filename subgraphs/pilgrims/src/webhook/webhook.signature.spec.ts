import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, newSigningSecret, sealSecret, signatureHeader, verifySignature } from './webhook.signature';

describe('webhook signatures', () => {
  const secret = newSigningSecret();
  const body = JSON.stringify({ id: 'e1', type: 'VISA_STATUS_CHANGED', data: { toStatus: 'ISSUED' } });

  it('makes prefixed secrets of 32 random bytes', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newSigningSecret()).not.toBe(secret);
  });

  it('signs the timestamp and raw body with HMAC-SHA256, as a receiver verifies it', () => {
    const header = signatureHeader(secret, body, 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, body, header, 1_800_000_010)).toBe(true);
  });

  it('fails for another body, another secret or an old timestamp', () => {
    const header = signatureHeader(secret, body, 1_800_000_000);
    expect(verifySignature(secret, `${body} `, header, 1_800_000_000)).toBe(false);
    expect(verifySignature(newSigningSecret(), body, header, 1_800_000_000)).toBe(false);
    expect(verifySignature(secret, body, header, 1_800_000_000 + 301)).toBe(false);
    expect(verifySignature(secret, body, 'v1=abc', 1_800_000_000)).toBe(false);
  });

  it('keeps secrets encrypted at rest, bound to their subscription', () => {
    const key = randomBytes(32);
    const sealed = sealSecret(secret, key, 'sub-1');
    expect(sealed).not.toContain(secret.slice(6));
    expect(openSecret(sealed, key, 'sub-1')).toBe(secret);
    expect(() => openSecret(sealed, key, 'sub-2')).toThrow();
    expect(() => openSecret(sealed, randomBytes(32), 'sub-1')).toThrow();
  });
});
