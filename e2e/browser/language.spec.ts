import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { accounts, signInAs, switchToEnglish } from './pages/session';

test('Arabic is the default and lays the page out right to left; English switches to left to right', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await page.screenshot({ path: 'test-results/login-ar.png', fullPage: true });
  await signInAs(page, accounts.officer);
  await switchToEnglish(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'الشركات' })).toBeVisible();
});

test.describe('accessibility: axe finds nothing', () => {
  const check = async (page: Page): Promise<void> => {
    await page.waitForLoadState('networkidle');
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };

  test('sign-in page', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'تسجيل الدخول' })).toBeVisible();
    await check(page);
  });

  test('manager overview, in Arabic and English', async ({ page }) => {
    await signInAs(page, accounts.managerSafwa);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check(page);
    await switchToEnglish(page);
    await check(page);
  });

  test('supervisor companies list and pilgrims list', async ({ page }) => {
    await signInAs(page, accounts.supervisor);
    await expect(page.getByRole('table')).toBeVisible();
    await check(page);
    await page.goto('/pilgrims');
    await expect(page.getByRole('table')).toBeVisible();
    await check(page);
  });
});
