import { describe, expect, it } from 'vitest';
import ar from './locales/ar.json';
import en from './locales/en.json';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

/** Keys with plural suffixes folded: Arabic has six plural forms where English has two. */
function baseKeys(tree: Tree): Set<string> {
  return new Set(leafKeys(tree).map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function pluralForms(tree: Tree, base: string): string[] {
  return leafKeys(tree)
    .filter((key) => key.replace(PLURAL_SUFFIX, '') === base && PLURAL_SUFFIX.test(key))
    .map((key) => PLURAL_SUFFIX.exec(key)?.[1] ?? '')
    .sort();
}

describe('translations', () => {
  it('ar and en have the same keys', () => {
    expect([...baseKeys(ar)].sort()).toEqual([...baseKeys(en)].sort());
  });

  it('every plural has all Arabic forms and both English forms', () => {
    const plurals = new Set(
      [...leafKeys(ar), ...leafKeys(en)]
        .filter((key) => PLURAL_SUFFIX.test(key))
        .map((k) => k.replace(PLURAL_SUFFIX, '')),
    );
    expect(plurals.size).toBeGreaterThan(0);
    for (const base of plurals) {
      expect(pluralForms(ar, base), `ar ${base}`).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
      expect(pluralForms(en, base), `en ${base}`).toEqual(['one', 'other']);
    }
  });

  it('no translation is empty', () => {
    for (const [language, tree] of Object.entries({ ar, en })) {
      for (const key of leafKeys(tree)) {
        const value = key
          .split('.')
          .reduce<Tree | string>((node, part) => (typeof node === 'string' ? node : (node[part] ?? '')), tree);
        expect(String(value).trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('the language switch names the other language', () => {
    expect(ar.language.switch).toBe('English');
    expect(en.language.switch).toBe('العربية');
  });

  it('keeps the names the browser tests rely on', () => {
    expect([en.auth.email, en.auth.password, en.auth.submit, en.auth.signOut]).toEqual([
      'Email',
      'Password',
      'Sign in',
      'Sign out',
    ]);
    expect([ar.auth.email, ar.auth.password, ar.auth.submit, ar.auth.signOut]).toEqual([
      'البريد الإلكتروني',
      'كلمة المرور',
      'تسجيل الدخول',
      'تسجيل الخروج',
    ]);
    expect([en.companies.title, en.pilgrims.title, en.app.name]).toEqual(['Companies', 'Pilgrims', 'Umrah Graph']);
    expect([ar.companies.title, ar.pilgrims.title, ar.app.name]).toEqual([
      'الشركات',
      'المعتمرون',
      'منصة العمرة الموحدة',
    ]);
  });
});
