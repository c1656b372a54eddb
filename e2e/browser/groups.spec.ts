import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { GroupsListPage, RegisterPilgrimPage, td3, type PilgrimDetails } from './pages/groups';
import { accounts, signInAs, switchToEnglish } from './pages/session';

const passportNumber = `PK${randomInt(1_000_000, 9_999_999)}`;
const pilgrim: PilgrimDetails = {
  nameAr: ['محمد', 'علي', 'حسن', 'خان'],
  nameEn: ['Muhammad', 'Ali', 'Hasan', 'Khan'],
  passportNumber,
  nationality: 'Pakistan',
  sex: 'Male',
  dateOfBirth: '1980-05-01',
  passportIssuedOn: '2025-01-10',
  passportExpiresOn: '2035-01-09',
  mrz: td3({
    state: 'PAK',
    surname: 'KHAN',
    given: 'MUHAMMAD ALI',
    passportNumber,
    dateOfBirth: '1980-05-01',
    sex: 'M',
    expiresOn: '2035-01-09',
  }),
};

test.describe('pilgrim groups and single registration', () => {
  test('a manager creates a group, registers a pilgrim into it through the form and sees it on the group page', async ({
    page,
  }) => {
    await signInAs(page, accounts.managerSafwa);
    await switchToEnglish(page);
    const groups = new GroupsListPage(page);
    await groups.open();
    const name = `Lahore ${randomInt(1000, 9999)}`;
    const group = await groups.create(name);
    const groupNumber = await group.groupNumber();
    await expect(page.getByText('No pilgrims are registered in this group yet.')).toBeVisible();
    await expect(group.importLink).toHaveAttribute('href', /\/pilgrims\/import\?groupId=/);

    await group.registerLink.click();
    const form = new RegisterPilgrimPage(page);
    await expect(form.heading).toBeVisible();
    await expect(page.getByText(`Into group ${groupNumber} — ${name}`).first()).toBeVisible();
    await form.fill({ ...pilgrim, mrz: undefined });
    // The MRZ typed with a wrong passport number: the browser points at the field before sending.
    const [line1, line2] = pilgrim.mrz!;
    await form.field('MRZ line 1').fill(line1);
    await form.field('MRZ line 2').fill(line2);
    await expect(page.getByText('The lines check out and agree with the details typed.')).toBeVisible();
    await form.field('Passport number').fill(`${passportNumber}9`);
    await expect(page.getByText('These details disagree with the machine-readable lines:')).toBeVisible();
    await form.field('Passport number').fill(passportNumber);
    await page.screenshot({ path: 'test-results/groups-register-form-en.png', fullPage: true });
    await form.submit();

    await expect(page.getByText('Muhammad Ali Hasan Khan was registered.')).toBeVisible();
    await expect(group.heading).toHaveText(`Group ${groupNumber} — ${name}`);
    const row = group.pilgrimRow(passportNumber);
    await expect(row).toBeVisible();
    await expect(row).toContainText('Muhammad Ali Hasan Khan');
    await expect(row).toContainText('No visa application');
    await page.screenshot({ path: 'test-results/groups-group-page-en.png', fullPage: true });

    // The same passport again: refused on the passport field with the API's sentence.
    await group.registerLink.click();
    await form.fill(pilgrim);
    await form.submit();
    await expect(form.fieldMessage('Passport number')).toContainText('already registered for the');
    await page.screenshot({ path: 'test-results/groups-register-duplicate-en.png', fullPage: true });

    // The pilgrims list links the pilgrim to its group.
    await page.goto('/pilgrims');
    await page.getByLabel('Search by name or passport number').fill(passportNumber);
    const listed = page.getByRole('table').getByRole('row').filter({ hasText: passportNumber });
    await expect(listed.getByRole('link', { name: `${groupNumber} — ${name}` })).toBeVisible();

    // The list counts the pilgrim under the group.
    await groups.open();
    const listedGroup = groups.table.getByRole('row').filter({ hasText: groupNumber });
    await expect(listedGroup).toContainText(name);
    await expect(listedGroup.getByRole('cell').nth(4)).toHaveText('1');
    await page.screenshot({ path: 'test-results/groups-list-en.png', fullPage: true });

    // And in Arabic.
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'أفواج المعتمرين' })).toBeVisible();
    await page.screenshot({ path: 'test-results/groups-list-ar.png', fullPage: true });
    await page.getByRole('table').getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`الفوج ${groupNumber}`);
    await expect(page.getByRole('table').getByRole('row').filter({ hasText: passportNumber })).toContainText(
      'محمد علي حسن خان',
    );
    await page.screenshot({ path: 'test-results/groups-group-page-ar.png', fullPage: true });
    await page.getByRole('link', { name: 'تسجيل معتمر في هذا الفوج' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'تسجيل معتمر' })).toBeVisible();
    await page.screenshot({ path: 'test-results/groups-register-form-ar.png', fullPage: true });
  });

  test('an agent creates a group for a company it has a contract with and may register into it', async ({ page }) => {
    await signInAs(page, accounts.agent);
    await switchToEnglish(page);
    const groups = new GroupsListPage(page);
    await groups.open();
    const name = `Jakarta ${randomInt(1000, 9999)}`;
    const group = await groups.create(name, 'Al-Rawda Pilgrim Services');
    await expect(page.getByText(/· Al-Rawda Pilgrim Services$/)).toBeVisible();
    await expect(group.registerLink).toBeVisible();
    // Outside a group, the agent names the company on the form.
    await page.goto('/pilgrims');
    await page.getByRole('link', { name: 'Register pilgrim', exact: true }).click();
    const form = new RegisterPilgrimPage(page);
    await expect(form.heading).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Company' })).toBeVisible();
  });

  test('a supervisor reads groups without any control that changes them', async ({ page }) => {
    await signInAs(page, accounts.supervisor);
    await switchToEnglish(page);
    const groups = new GroupsListPage(page);
    await groups.open();
    await expect(groups.newGroupButton).toHaveCount(0);
    await expect(page.getByText('Read-only').first()).toBeVisible();
    await page.goto('/pilgrims/new');
    await expect(page.getByRole('button', { name: 'Register pilgrim', exact: true })).toHaveCount(0);
    await expect(page.getByText('your role reads them only')).toBeVisible();
  });
});
