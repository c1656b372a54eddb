import { expect, test } from '@playwright/test';
import { demoCompanies } from '@umrah/demo';
import { accounts, CHANGING_CONTROL, loyaltyBalance, points, signInAs, switchToEnglish } from './pages/session';

test.describe('each party signs in and sees its own slice', () => {
  test('a supervisor sees every company, read-only', async ({ page }) => {
    await signInAs(page, accounts.supervisor);
    await expect(page).toHaveURL(/\/companies/);
    await switchToEnglish(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Companies' })).toBeVisible();
    const table = page.getByRole('table');
    for (const name of ['Al-Safwa Umrah Company', 'Al-Rawda Pilgrim Services', 'Bayt Al-Diyafa Umrah']) {
      await expect(table.getByText(name)).toBeVisible();
    }
    await expect(table.getByText('Suspended').first()).toBeVisible();
    const buttons = await page.getByRole('button').allInnerTexts();
    expect(buttons.filter((b) => CHANGING_CONTROL.test(b))).toEqual([]);
    await page.screenshot({ path: 'test-results/supervisor-companies.png', fullPage: true });
  });

  test('a company manager sees their own overview across all four subgraphs', async ({ page, request }) => {
    await signInAs(page, accounts.managerSafwa);
    await expect(page).toHaveURL(/\/overview/);
    await expect(page.getByRole('heading', { level: 1, name: 'شركة الصفوة للعمرة' })).toBeVisible();
    await page.screenshot({ path: 'test-results/manager-overview-ar.png', fullPage: true });
    await switchToEnglish(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Al-Safwa Umrah Company' })).toBeVisible();
    const balance = await loyaltyBalance(page, request, demoCompanies[0]!.id);
    await expect(page.getByText(points(balance)).first()).toBeVisible();
    await expect(page.getByText('Al-Rawda Pilgrim Services')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/manager-overview-en.png', fullPage: true });
  });

  test('another manager sees only their company', async ({ page }) => {
    await signInAs(page, accounts.managerRawda);
    await switchToEnglish(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Al-Rawda Pilgrim Services' })).toBeVisible();
    await expect(page.getByText('Al-Safwa Umrah Company')).toHaveCount(0);
  });

  test('an agent sees the pilgrims it registered', async ({ page }) => {
    await signInAs(page, accounts.agent);
    await expect(page).toHaveURL(/\/pilgrims/);
    await switchToEnglish(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Pilgrims' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await page.screenshot({ path: 'test-results/agent-pilgrims.png', fullPage: true });
  });

  test('a provider sees its own provider profile', async ({ page }) => {
    await signInAs(page, accounts.provider);
    await expect(page).toHaveURL(/\/provider/);
    await switchToEnglish(page);
    await expect(page.getByText('Makkah Towers Hotel').first()).toBeVisible();
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel(/^(Email|البريد الإلكتروني)$/).fill(accounts.officer);
    await page.getByLabel(/^(Password|كلمة المرور)$/).fill('not-the-password');
    await page.getByRole('button', { name: /^(Sign in|تسجيل الدخول)$/ }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
});
