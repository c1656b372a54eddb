import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ManagerLoyaltyPage, ProgrammePage, RedemptionQueuePage } from './pages/loyalty';
import { demoCompanies } from '@umrah/demo';
import { accounts, CHANGING_CONTROL, loyaltyBalance, points, signInAs, switchToEnglish } from './pages/session';

const axeClean = async (page: Page): Promise<void> => {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

const toArabic = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
};

const LAPTOP = 'Business laptop';
const SAFWA = 'Al-Safwa Umrah Company';

test.describe('Al-Barakat: a reward from request to fulfilment', () => {
  test('a manager redeems points, an officer approves and fulfils, the manager sees it delivered', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    // The manager asks for a laptop: its points are held at once.
    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signInAs(manager, accounts.managerSafwa);
    await switchToEnglish(manager);
    const loyalty = new ManagerLoyaltyPage(manager);
    await loyalty.open();
    // Other tests on this demo register pilgrims, which earn points: start from what the API says.
    const before = await loyaltyBalance(manager, managerContext.request, demoCompanies[0]!.id);
    await expect(loyalty.balance).toHaveText(`${points(before)} points`);
    await expect(loyalty.section('Tier').getByText('Platinum')).toBeVisible();
    await expect(loyalty.section('Points balance').getByText(/expire within 90 days/)).toBeVisible();
    await axeClean(manager);
    await manager.screenshot({ path: test.info().outputPath('loyalty-manager-en.png'), fullPage: true });

    await loyalty.redeem(LAPTOP, 1);
    await expect(loyalty.balance).toHaveText(`${points(before - 2_500)} points`);
    const request = loyalty.request(LAPTOP).filter({ hasText: 'Requested' });
    await expect(request).toHaveCount(1);
    await expect(loyalty.ledgerRows.filter({ hasText: 'Reward requested' }).first()).toContainText('−2,500');

    // The officer works through the queue.
    const officerContext = await browser.newContext();
    const officer = await officerContext.newPage();
    await signInAs(officer, accounts.officer);
    await switchToEnglish(officer);
    const queue = new RedemptionQueuePage(officer);
    await queue.open();
    const waiting = queue.row(SAFWA, LAPTOP, 'Requested');
    await expect(waiting).toHaveCount(1);
    await axeClean(officer);
    await officer.screenshot({ path: test.info().outputPath('loyalty-queue-officer-en.png'), fullPage: true });
    await queue.approve(waiting, LAPTOP);
    const approved = queue.row(SAFWA, LAPTOP, 'Approved');
    await expect(approved).toHaveCount(1);
    await queue.fulfil(approved, LAPTOP, 'Courier 7781');
    await expect(queue.row(SAFWA, LAPTOP, 'Approved')).toHaveCount(0);
    await queue.showStatuses('Fulfilled');
    await expect(queue.row(SAFWA, LAPTOP, 'Courier 7781')).toHaveCount(1);
    await toArabic(officer);
    await axeClean(officer);
    await officer.screenshot({ path: test.info().outputPath('loyalty-queue-officer-ar.png'), fullPage: true });

    // The manager sees it delivered, with the officer's note; the points stay spent, once.
    await manager.reload();
    await expect(loyalty.request(LAPTOP).filter({ hasText: 'Courier 7781' })).toContainText('Fulfilled');
    await expect(loyalty.balance).toHaveText(`${points(before - 2_500)} points`);
    await toArabic(manager);
    await expect(manager.getByRole('heading', { level: 1, name: 'برنامج البركات للولاء' })).toBeVisible();
    await axeClean(manager);
    await manager.screenshot({ path: test.info().outputPath('loyalty-manager-ar.png'), fullPage: true });
    await managerContext.close();
    await officerContext.close();
  });

  test('a supervisor reads the programme, the catalogue and the queue, and can change nothing', async ({ page }) => {
    await signInAs(page, accounts.supervisor);
    await switchToEnglish(page);
    const programme = new ProgrammePage(page);
    await programme.open();
    for (const title of ['Points per month', 'Accounts by tier', 'Requests by status', 'Company accounts']) {
      await expect(programme.section(title)).toBeVisible();
    }
    await expect(page.locator('.recharts-wrapper')).toHaveCount(1);
    await expect(page.getByText('Read-only')).toBeVisible();
    await axeClean(page);
    await page.screenshot({ path: test.info().outputPath('loyalty-programme-supervisor-en.png'), fullPage: true });
    const changing = new RegExp(`${CHANGING_CONTROL.source}|adjust|redeem|fulfil|تعديل النقاط|استبدال`, 'i');
    for (const path of ['Al-Barakat programme', 'Rewards catalogue', 'Reward requests']) {
      await page.getByRole('navigation').getByRole('link', { name: path }).click();
      await expect(page.getByRole('heading', { level: 1, name: path })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expect(page.getByRole('main').getByRole('button', { name: changing })).toHaveCount(0);
    }
    await toArabic(page);
    await page.getByRole('navigation').getByRole('link', { name: 'برنامج البركات' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'برنامج البركات' })).toBeVisible();
    await axeClean(page);
    await page.screenshot({ path: test.info().outputPath('loyalty-programme-supervisor-ar.png'), fullPage: true });
  });

  test('an officer announces new earning rules, kept beside the earlier versions', async ({ page }) => {
    await signInAs(page, accounts.officer);
    await switchToEnglish(page);
    const programme = new ProgrammePage(page);
    await programme.open();
    await page.getByRole('button', { name: 'Announce new earning rules' }).click();
    const dialog = page.getByRole('dialog', { name: 'Announce new earning rules' });
    await expect(dialog.getByLabel('Points per registered pilgrim')).toHaveValue('12');
    await dialog.getByLabel('Points per registered pilgrim').fill('15');
    await dialog.getByLabel('Reason').fill('More points per pilgrim for the rest of the season');
    await axeClean(page);
    await dialog.getByRole('button', { name: 'Save the new version' }).click();
    await expect(dialog).toBeHidden();
    const history = programme.section('Earning rules, every version');
    await expect(history.getByRole('row').filter({ hasText: 'More points per pilgrim' })).toContainText('15');
    await expect(history.getByRole('row').filter({ hasText: 'Season 1448: 12 points' })).toContainText('12');
  });

  test('an officer manages the catalogue', async ({ page }) => {
    await signInAs(page, accounts.officer);
    await switchToEnglish(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Rewards catalogue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rewards catalogue' })).toBeVisible();
    await page.getByRole('button', { name: 'Edit: A place at ITB Berlin' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the reward' });
    await dialog.getByLabel('Units to add (or, negative, withdraw)').fill('3');
    await axeClean(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: 'A place at ITB Berlin' })).toContainText('7');
    await page.screenshot({ path: test.info().outputPath('loyalty-rewards-officer-en.png'), fullPage: true });
    await toArabic(page);
    await axeClean(page);
    await page.screenshot({ path: test.info().outputPath('loyalty-rewards-officer-ar.png'), fullPage: true });
  });
});
