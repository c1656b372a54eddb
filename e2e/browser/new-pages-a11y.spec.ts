import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { accounts, signInAs, switchToEnglish } from './pages/session';

const check = async (page: Page): Promise<void> => {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

test.describe('accessibility of the companies & licensing pages: axe finds nothing', () => {
  test('company page (officer, with licence actions), in Arabic and English', async ({ page }) => {
    await signInAs(page, accounts.officer);
    await page.getByRole('table').getByRole('link', { name: 'بيت الضيافة للعمرة' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'سجل الترخيص' })).toBeVisible();
    await check(page);
    await switchToEnglish(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Licence history' })).toBeVisible();
    await check(page);
    // The reason dialog too, open on its first step.
    await page.getByRole('button', { name: 'Reinstate licence' }).click();
    await expect(page.getByRole('dialog', { name: 'Reinstate licence' })).toBeVisible();
    await check(page);
  });

  test('agents list and an agent page, in Arabic and English', async ({ page }) => {
    await signInAs(page, accounts.supervisor);
    await page.goto('/agents');
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
    await check(page);
    await page.screenshot({ path: 'test-results/supervisor-agents-ar.png', fullPage: true });
    await switchToEnglish(page);
    await check(page);
    await page.screenshot({ path: 'test-results/supervisor-agents-en.png', fullPage: true });
    await page.getByRole('table').getByRole('link', { name: 'PT Nusantara Umrah Travel' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'PT Nusantara Umrah Travel' })).toBeVisible();
    await check(page);
    await page.screenshot({ path: 'test-results/supervisor-agent-en.png', fullPage: true });
  });

  test('API access page, in Arabic and English', async ({ page }) => {
    await signInAs(page, accounts.managerRawda);
    await page.goto('/api-access');
    await expect(page.getByRole('heading', { level: 1, name: 'الوصول البرمجي' })).toBeVisible();
    await check(page);
    await page.screenshot({ path: 'test-results/manager-api-access-ar.png', fullPage: true });
    await switchToEnglish(page);
    await check(page);
  });

  test('contracts, company profile and staff pages of a manager', async ({ page }) => {
    await signInAs(page, accounts.managerRawda);
    for (const path of ['/contracts', '/company', '/staff']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('table').first()).toBeVisible();
      await check(page);
      await page.screenshot({ path: `test-results/manager${path.replace('/', '-')}-ar.png`, fullPage: true });
    }
    await switchToEnglish(page);
    await page.goto('/contracts');
    await expect(page.getByRole('heading', { level: 1, name: 'Agency contracts' })).toBeVisible();
    await page.screenshot({ path: 'test-results/manager-contracts-en.png', fullPage: true });
  });
});
