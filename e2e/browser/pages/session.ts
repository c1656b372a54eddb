import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Umrah-Demo-1447';

export const accounts = {
  supervisor: 'supervisor@ministry.demo',
  officer: 'officer@ministry.demo',
  managerSafwa: 'manager@safwa.demo',
  managerRawda: 'manager@rawda.demo',
  agent: 'agent@nusantara.demo',
  provider: 'provider@makkahtowers.demo',
} as const;

/** The sign-in page, in whichever language the app is showing. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/login');
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByLabel(/^(Email|البريد الإلكتروني)$/).fill(email);
    await this.page.getByLabel(/^(Password|كلمة المرور)$/).fill(password);
    await this.page.getByRole('button', { name: /^(Sign in|تسجيل الدخول)$/ }).click();
    await expect(this.page).not.toHaveURL(/\/login/);
  }
}

export async function signInAs(page: Page, email: string): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(email);
}

export async function switchToEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
}

/** Buttons whose names say they would change data; a supervisor must see none of them. */
export const CHANGING_CONTROL =
  /\b(edit|delete|remove|approve|reject|suspend|revoke|reinstate|renew|create|add|save|submit)\b|تعديل|حذف|إزالة|اعتماد|رفض|إيقاف|سحب|تجديد|إضافة|حفظ|إرسال|إنشاء/i;

/**
 * A company's points balance as the API gives it to the signed-in user. Other browser tests
 * register pilgrims (which earn points) on the same running demo, so a page is checked against
 * this rather than against a fixed figure.
 */
export async function loyaltyBalance(page: Page, request: APIRequestContext, companyId: string): Promise<number> {
  const token = await page.evaluate(() => sessionStorage.getItem('umrah.accessToken'));
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: { query: 'query($id: ID!) { company(id: $id) { loyalty { balance } } }', variables: { id: companyId } },
  });
  const body = (await response.json()) as { data?: { company?: { loyalty?: { balance: number } } } };
  const balance = body.data?.company?.loyalty?.balance;
  if (balance == null) throw new Error(`no loyalty balance for ${companyId}: ${JSON.stringify(body)}`);
  return balance;
}

export const points = (n: number): string => n.toLocaleString('en-US');
