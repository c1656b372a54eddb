import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { GroupsListPage } from './pages/groups';
import { accounts, signInAs, switchToEnglish } from './pages/session';
import { VisaPipelinePage } from './pages/visas';

const check = async (page: Page): Promise<void> => {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

/** Waits until no CSS transition runs: a button that just became enabled fades its colours in. */
const settled = async (page: Page): Promise<void> => {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished'),
  );
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

  test('groups list, a group page, the new-group dialog and the registration form, in English and Arabic', async ({
    page,
  }) => {
    await signInAs(page, accounts.managerRawda);
    await switchToEnglish(page);
    const groups = new GroupsListPage(page);
    await groups.open();
    await groups.newGroupButton.click();
    await expect(page.getByRole('dialog', { name: 'New pilgrim group' })).toBeVisible();
    await check(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    const group = await groups.create('Axe check group');
    await expect(group.pilgrims).toBeVisible();
    await check(page);
    const groupUrl = page.url();
    await group.registerLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Register a pilgrim' })).toBeVisible();
    await check(page);
    // Submitting empty shows every field's message: those must be announced accessibly too.
    await page.getByRole('button', { name: 'Register pilgrim', exact: true }).click();
    await expect(page.getByText('Enter the passport number.')).toBeVisible();
    await check(page);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await check(page);
    await page.goto(groupUrl);
    await expect(page.getByRole('heading', { level: 2, name: 'معتمرو هذا الفوج' })).toBeVisible();
    await check(page);
    await page.goto('/groups');
    await expect(page.getByRole('table')).toBeVisible();
    await check(page);
  });

  test('visa pages: pipeline, an application, the dashboard, in Arabic and English', async ({ page }) => {
    await signInAs(page, accounts.managerRawda);
    await page.goto('/visas');
    await expect(page.getByRole('heading', { level: 1, name: 'طلبات التأشيرات' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'طلبات التأشيرات' }).getByRole('link').first()).toBeVisible();
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/manager-visas-ar.png', fullPage: true });
    await switchToEnglish(page);
    const pipeline = new VisaPipelinePage(page);
    await pipeline.open();
    await pipeline.statusToggle('Submitted').click();
    await expect(pipeline.table.getByRole('button', { name: /^Approve\b/ }).first()).toBeVisible();
    await settled(page);
    await check(page);
    // The reject dialog, open on its first step.
    await pipeline.table
      .getByRole('button', { name: /^Reject\b/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Reject visa application' });
    await expect(dialog).toBeVisible();
    // Axe reads colours mid-animation as faint: wait until the dialog has faded in.
    await expect(dialog).toHaveCSS('opacity', '1');
    await settled(page);
    await check(page);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await pipeline.table.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
    // The pointer stays where the link was: keep it off the action buttons, whose hover shade is not under test.
    await page.mouse.move(0, 0);
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/manager-visa-application-en.png', fullPage: true });
    await page.goto('/visa-dashboard');
    await expect(page.getByRole('heading', { level: 2, name: 'Applications by nationality' })).toBeVisible();
    await settled(page);
    await check(page);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'لوحة التأشيرات' })).toBeVisible();
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/manager-visa-dashboard-ar.png', fullPage: true });
  });

  test('visa pages of an agent (its applications, statuses explained) and an officer (arrival form)', async ({
    page,
  }) => {
    await signInAs(page, accounts.agent);
    await switchToEnglish(page);
    await page.goto('/visas');
    await expect(page.getByRole('heading', { level: 2, name: 'What the statuses mean' })).toBeVisible();
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/agent-visas-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, accounts.officer);
    const pipeline = new VisaPipelinePage(page);
    await pipeline.open();
    await pipeline.statusToggle('Issued').click();
    await pipeline.table.getByRole('link').first().click();
    await page.getByRole('button', { name: 'Record arrival' }).click();
    const dialog = page.getByRole('dialog', { name: "Record the pilgrim's arrival" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveCSS('opacity', '1');
    await settled(page);
    await check(page);
  });

  test('compliance pages: complaints desk, inspections with the record form, violations, dashboards', async ({
    page,
  }) => {
    await signInAs(page, accounts.officer);
    await page.goto('/complaints');
    await expect(page.getByRole('heading', { level: 1, name: 'مكتب الشكاوى' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'مكتب الشكاوى' }).getByRole('link').first()).toBeVisible();
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/officer-complaints-ar.png', fullPage: true });
    await switchToEnglish(page);
    await page.getByRole('region', { name: 'Complaints desk' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
    await page.mouse.move(0, 0);
    await settled(page);
    await check(page);
    await page.goto('/inspections');
    await expect(page.getByRole('heading', { level: 1, name: 'Field inspections' })).toBeVisible();
    await settled(page);
    await check(page);
    await page.getByRole('button', { name: 'Record an inspection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record an inspection' });
    await dialog.getByRole('button', { name: 'Add a violation found' }).click();
    await expect(dialog.getByText('Violation 1')).toBeVisible();
    await expect(dialog).toHaveCSS('opacity', '1');
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/officer-record-inspection-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.goto('/violations');
    await expect(page.getByRole('heading', { level: 1, name: 'Violations and fines' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Mark cured: / }).first()).toBeVisible();
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/officer-violations-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, accounts.managerSafwa);
    await page.goto('/compliance');
    await expect(page.getByTestId('compliance-score')).toBeVisible();
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/manager-compliance-en.png', fullPage: true });
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'طريقة حساب الدرجة' })).toBeVisible();
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/manager-compliance-ar.png', fullPage: true });
  });

  test('Maqam pages: packages, builder, approval queue, bookings and the inventory calendar, in Arabic and English', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, accounts.managerSafwa);
    await page.goto('/packages');
    await expect(page.getByRole('heading', { level: 1, name: 'الحزم' })).toBeVisible();
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/manager-packages-ar.png', fullPage: true });
    await switchToEnglish(page);
    await check(page);
    await page.getByRole('button', { name: 'New package' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New package' })).toBeVisible();
    await page.getByRole('button', { name: 'Add component' }).click();
    await expect(page.getByRole('group', { name: 'Component 1' })).toBeVisible();
    await settled(page);
    await check(page);
    await page.screenshot({ path: 'test-results/manager-package-builder-en.png', fullPage: true });
    await page.goto('/bookings');
    await expect(page.getByRole('heading', { level: 1, name: 'Bookings' })).toBeVisible();
    await settled(page);
    await check(page);
    await page.getByRole('button', { name: 'Book a pilgrim' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book a pilgrim' });
    await expect(dialog).toHaveCSS('opacity', '1');
    await settled(page);
    await check(page);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, accounts.officer);
    await page.goto('/package-approvals');
    await expect(page.getByRole('heading', { level: 1, name: 'Package approvals' })).toBeVisible();
    await settled(page);
    await check(page);
    const waiting = page.getByRole('region', { name: 'Package approvals' }).getByRole('link').first();
    if (await waiting.isVisible()) {
      await waiting.click();
      await expect(page.getByRole('button', { name: 'Reject package' })).toBeVisible();
      await settled(page);
      await check(page);
      await page.screenshot({ path: 'test-results/officer-package-en.png', fullPage: true });
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, accounts.provider);
    await page.goto('/provider-inventory');
    await expect(page.getByRole('heading', { level: 1, name: 'Inventory calendar' })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Places and prices of / })).toBeVisible();
    await settled(page);
    await check(page);
    await page.getByRole('button', { name: 'New item' }).click();
    await expect(page.getByRole('dialog', { name: 'New item' })).toHaveCSS('opacity', '1');
    await settled(page);
    await check(page);
  });
});

test.describe('accessibility of the ministry audit log: axe finds nothing', () => {
  test('audit log (supervisor), with the refused-only filter, in Arabic and English', async ({ page }) => {
    await signInAs(page, accounts.supervisor);
    await page.goto('/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'سجل التدقيق' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'سجل التدقيق' }).getByRole('table')).toBeVisible();
    await settled(page);
    await check(page);
    await switchToEnglish(page);
    await page.getByRole('switch', { name: 'Refused calls only' }).click();
    await settled(page);
    await check(page);
  });
});
