import { describe, expect, it } from 'vitest';
import { UrlRefusal } from './webhook.errors';
import { addressKind, checkWebhookUrl } from './webhook.url';

const refusal = (url: string, allowInsecure = false): UrlRefusal | null => {
  const checked = checkWebhookUrl(url, allowInsecure);
  return 'refusal' in checked ? checked.refusal : null;
};

describe('webhook URLs', () => {
  it('accepts public https URLs and normalises them', () => {
    expect(checkWebhookUrl('  https://Hooks.Example.com/umrah?x=1 ', false)).toEqual({
      url: 'https://hooks.example.com/umrah?x=1',
    });
    expect(refusal('https://hooks.example.com:8443/a')).toBeNull();
    expect(refusal('https://8.8.8.8/hook')).toBeNull();
  });

  it('refuses plain http, other schemes and malformed text', () => {
    expect(refusal('http://hooks.example.com/a')).toBe(UrlRefusal.NOT_HTTPS);
    expect(refusal('http://hooks.example.com/a', true)).toBe(UrlRefusal.NOT_HTTPS);
    expect(refusal('ftp://hooks.example.com/a')).toBe(UrlRefusal.NOT_HTTPS);
    expect(refusal('hooks.example.com/a')).toBe(UrlRefusal.MALFORMED);
    expect(refusal(`https://example.com/${'a'.repeat(2000)}`)).toBe(UrlRefusal.TOO_LONG);
  });

  it('refuses credentials and fragments', () => {
    expect(refusal('https://user:pw@hooks.example.com/a')).toBe(UrlRefusal.CREDENTIALS);
    expect(refusal('https://user@hooks.example.com/a')).toBe(UrlRefusal.CREDENTIALS);
    expect(refusal('https://hooks.example.com/a#frag')).toBe(UrlRefusal.FRAGMENT);
  });

  it('refuses internal addresses and intranet names', () => {
    for (const url of [
      'https://10.1.2.3/a',
      'https://172.16.0.1/a',
      'https://192.168.1.1/a',
      'https://169.254.169.254/latest/meta-data',
      'https://[fd00::1]/a',
      'https://[::ffff:10.0.0.1]/a',
      'https://0.0.0.0/a',
      'https://intranet/a',
      'https://printer.local/a',
    ]) {
      expect(refusal(url), url).toBe(UrlRefusal.PRIVATE_ADDRESS);
    }
  });

  it('allows loopback, over http too, only when insecure URLs are allowed', () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost:8080/hook', 'https://[::1]/hook']) {
      expect(refusal(url, true), url).toBeNull();
    }
    expect(refusal('http://127.0.0.1:8080/hook')).toBe(UrlRefusal.NOT_HTTPS);
    expect(refusal('https://127.0.0.1:8080/hook')).toBe(UrlRefusal.PRIVATE_ADDRESS);
    expect(refusal('https://localhost/hook')).toBe(UrlRefusal.PRIVATE_ADDRESS);
    // The flag opens loopback only, never the rest of the private network.
    expect(refusal('http://10.0.0.1/hook', true)).toBe(UrlRefusal.NOT_HTTPS);
    expect(refusal('https://10.0.0.1/hook', true)).toBe(UrlRefusal.PRIVATE_ADDRESS);
  });

  it('classifies resolved addresses', () => {
    expect(addressKind('127.0.0.5')).toBe('loopback');
    expect(addressKind('::1')).toBe('loopback');
    expect(addressKind('::ffff:127.0.0.1')).toBe('loopback');
    expect(addressKind('100.64.0.1')).toBe('internal');
    expect(addressKind('fe80::1')).toBe('internal');
    expect(addressKind('1.1.1.1')).toBe('public');
    expect(addressKind('2606:4700:4700::1111')).toBe('public');
  });
});
