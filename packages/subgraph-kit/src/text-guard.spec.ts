import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { malformedTextPath, refuseMalformedText } from './text-guard';

describe('refuseMalformedText', () => {
  it('names the first argument path holding a NUL or an unpaired surrogate, in lists and inputs too', () => {
    expect(malformedTextPath({ input: { name: 'ok', rows: [{ a: 'x' }, { a: 'b\u0000' }] } })).toBe('input.rows.1.a');
    expect(malformedTextPath({ reason: 'x\uD800y' })).toBe('reason');
    expect(malformedTextPath({ reason: 'x\uDC00' })).toBe('reason');
  });

  it('lets any other text through: scripts, emoji, markup, SQL, other control characters', () => {
    const args = {
      input: { name: "'; drop table x; --", ar: 'محمد', e: '😀🕋', html: '<img src=x>', c: '\u0007\u202E' },
    };
    expect(malformedTextPath({ ...args, at: new Date(), n: 1, tags: null })).toBeNull();
  });

  it('refuses such a call as BAD_USER_INPUT before the resolver runs', async () => {
    let ran = 0;
    const next = async (): Promise<string> => {
      ran++;
      return 'done';
    };
    const call = async (args: Record<string, unknown>): Promise<unknown> =>
      refuseMalformedText({ args } as never, next);
    await expect(call({ id: 'a\u0000b' })).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === 'BAD_USER_INPUT' && e.extensions['field'] === 'id',
    );
    expect(ran).toBe(0);
    await expect(call({ id: 'محمد <b>' })).resolves.toBe('done');
    expect(ran).toBe(1);
  });
});
