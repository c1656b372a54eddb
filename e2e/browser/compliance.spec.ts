import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ComplaintDetailPage, ComplaintsDeskPage, ComplianceDashboardPage } from './pages/compliance';
import { accounts, CHANGING_CONTROL, signInAs, switchToEnglish } from './pages/session';

const axeClean = async (page: Page): Promise<void> => {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

const toArabic = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
};

const SAFWA = 'Al-Safwa Umrah Company';

test.describe('complaints: from the hotline to an upheld finding', () => {
  test('an officer files, the company answers, the officer upholds it; the supervisor only reads the dashboard', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    // The ministry hotline takes a complaint against Al-Safwa.
    const officer = await (await browser.newContext()).newPage();
    await signInAs(officer, accounts.officer);
    await switchToEnglish(officer);
    const desk = new ComplaintsDeskPage(officer);
    await desk.open();
    const url = await desk.fileAgainstCompany(
      SAFWA,
      'Accommodation',
      'Pilgrims were housed 2 km from the Haram instead of the 300 m sold.',
    );
    const officerView = new ComplaintDetailPage(officer);
    await expect(officerView.status).toHaveText('Open');
    await expect(officerView.section('SLA').getByText(/left$/)).toBeVisible();

    // Al-Safwa's manager sees it and answers without closing it.
    const manager = await (await browser.newContext()).newPage();
    await signInAs(manager, accounts.managerSafwa);
    await switchToEnglish(manager);
    await manager.goto(url);
    const managerView = new ComplaintDetailPage(manager);
    await expect(managerView.status).toHaveText('Open');
    await expect(manager.getByRole('button', { name: 'Resolve', exact: true })).toHaveCount(0);
    await managerView.answer('The group was moved to the contracted hotel this evening.', false);
    await expect(managerView.status).toHaveText('In progress');
    await expect(managerView.section('History').getByText('The group was moved to the contracted hotel')).toBeVisible();

    // The officer finds it justified.
    await officer.reload();
    await expect(officerView.status).toHaveText('In progress');
    await officerView.resolve('Confirmed by a field visit: housing was not as sold.', true);
    await expect(officerView.status).toHaveText('Resolved');
    await expect(officerView.section('Details').getByText('Upheld', { exact: true })).toBeVisible();
    await expect(officerView.section('SLA').getByText('Resolved within SLA')).toBeVisible();
    await expect(officer.getByRole('button', { name: /^(Resolve|Escalate)/ })).toHaveCount(0);
    // And fines it, once.
    await officerView.recordViolation(10_000, 'Housing not as sold, confirmed by complaint.');
    await expect(officer.getByText('The violation was recorded.')).toBeVisible();
    await axeClean(officer);
    await officer.screenshot({ path: 'test-results/compliance-complaint-officer-en.png', fullPage: true });
    await toArabic(officer);
    await expect(officer.getByRole('heading', { level: 1, name: 'شكوى: السكن' })).toBeVisible();
    await axeClean(officer);
    await officer.screenshot({ path: 'test-results/compliance-complaint-officer-ar.png', fullPage: true });

    // The supervisor reads the dashboard: Al-Safwa ranked, with an upheld complaint, and nothing to press.
    const supervisor = await (await browser.newContext()).newPage();
    await signInAs(supervisor, accounts.supervisor);
    await switchToEnglish(supervisor);
    const dashboard = new ComplianceDashboardPage(supervisor);
    await dashboard.open();
    await expect(dashboard.rankingRow(SAFWA)).toHaveCount(1);
    await expect(supervisor.getByText('Read-only', { exact: true })).toBeVisible();
    await expect(supervisor.getByRole('heading', { level: 2, name: 'How the score is computed' })).toBeVisible();
    await expect(supervisor.getByRole('button', { name: CHANGING_CONTROL })).toHaveCount(0);
    // The charts and the trend come from the API's monthly figures; limited to Al-Safwa they count the upheld complaint.
    await expect(dashboard.section('Complaints by category')).toBeVisible();
    await expect(dashboard.section('Compliance trend')).toBeVisible();
    await dashboard.showFiguresOf(SAFWA);
    await expect(dashboard.figure('Upheld complaints')).not.toHaveText('0');
    await expect(dashboard.section('Fines by violation status').getByRole('row', { name: /Open/ })).toBeVisible();
    await dashboard.section('Compliance trend').getByText('Month by month').click();
    await expect(dashboard.section('Compliance trend').getByRole('region', { name: 'Month by month' })).toBeVisible();
    await axeClean(supervisor);
    await supervisor.screenshot({ path: 'test-results/compliance-dashboard-supervisor-en.png', fullPage: true });
    await toArabic(supervisor);
    await expect(supervisor.getByRole('heading', { level: 2, name: 'ترتيب الالتزام' })).toBeVisible();
    await axeClean(supervisor);
    await supervisor.screenshot({ path: 'test-results/compliance-dashboard-supervisor-ar.png', fullPage: true });
    // Nor anything to file or decide on the desk or the violations.
    await supervisor.goto('/complaints');
    await expect(supervisor.getByRole('heading', { level: 1, name: 'مكتب الشكاوى' })).toBeVisible();
    await expect(supervisor.getByRole('button', { name: /تقديم شكوى|File a complaint/ })).toHaveCount(0);
    await supervisor.goto('/violations');
    await expect(supervisor.getByRole('heading', { level: 1, name: 'المخالفات والغرامات' })).toBeVisible();
    await expect(supervisor.getByRole('columnheader', { name: 'الإجراءات' })).toHaveCount(0);
  });
});
