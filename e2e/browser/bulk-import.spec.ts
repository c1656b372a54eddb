import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PilgrimImportPage } from './pages/pilgrimImport';
import { accounts, signInAs, switchToEnglish } from './pages/session';

/** axe finds no accessibility violation on the page as it stands. */
const accessible = async (page: Page): Promise<void> => {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const inDays = (days: number): string => isoDay(new Date(Date.now() + days * 86_400_000));

test.describe('importing pilgrims from a CSV file', () => {
  test('a manager imports a file: good rows registered, a skipped row and the server’s refusals reported', async ({
    page,
  }) => {
    // Unique passports per run; the server refuses a passport registered before.
    const run = Date.now().toString(36).toUpperCase();
    const passport = (n: number): string => `E${run}${n}`;
    // Semicolons, a byte-order mark, Arabic headers for some columns and a quoted name with a comma.
    const header = [
      'الاسم الأول (عربي)',
      'اسم الأب (عربي)',
      'اسم الجد (عربي)',
      'اسم العائلة (عربي)',
      'First name',
      "Father's name",
      "Grandfather's name",
      'Surname',
      'Passport No.',
      'Nationality',
      'DOB',
      'Gender',
      'Issue date',
      'Expiry date',
    ];
    const line = (cells: string[]): string =>
      cells.map((c) => (/[;"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';');
    const person = (
      n: number,
      overrides: Partial<Record<'nationality' | 'expires' | 'passport' | 'family', string>> = {},
    ) => [
      'محمد',
      'أحمد',
      'علي',
      'خان',
      'Muhammad',
      'Ahmad',
      'Ali',
      overrides.family ?? 'Khan',
      overrides.passport ?? passport(n),
      overrides.nationality ?? 'PK',
      '02/04/1980',
      'M',
      '2021-01-01',
      overrides.expires ?? '2040-01-01',
    ];
    const rows = [
      person(1), // row 2: good
      person(2, { family: 'Khan, Jr' }), // row 3: good, quoted
      person(3), // row 4: good
      person(4, { nationality: 'Pakistan' }), // row 5: the browser refuses the nationality; skipped
      person(5, { expires: inDays(40) }), // row 6: the server refuses: the passport expires too soon
      person(6, { passport: passport(1) }), // row 7: the server refuses: row 2's passport again
    ];
    const dir = mkdtempSync(join(tmpdir(), 'umrah-import-'));
    const file = join(dir, 'pilgrims.csv');
    writeFileSync(file, `\uFEFF${[header, ...rows].map(line).join('\r\n')}\r\n`, 'utf8');

    await signInAs(page, accounts.managerSafwa);
    await switchToEnglish(page);
    const wizard = new PilgrimImportPage(page);
    await wizard.openFromList();

    await expect(wizard.step('Choose the file')).toBeVisible();
    await wizard.upload(file);
    await page.screenshot({ path: 'test-results/import-upload-en.png', fullPage: true });
    await accessible(page);
    await wizard.next();

    // Every required field found from the headers, in either language.
    await expect(wizard.step('Match the columns')).toBeVisible();
    await expect(page.getByText('Missing', { exact: true })).toHaveCount(0);
    await expect(wizard.mappingRow('Family name (Arabic)').getByText('Found from the header')).toBeVisible();
    await expect(wizard.mappingRow('Passport expiry date').getByText('Found from the header')).toBeVisible();
    await page.screenshot({ path: 'test-results/import-mapping-en.png', fullPage: true });
    await accessible(page);
    await wizard.next();

    await expect(wizard.step('Review the rows')).toBeVisible();
    await expect(page.getByText('Rows: 6 · ready: 5 · with problems: 1 · skipped: 0')).toBeVisible();
    await expect(wizard.cell('Nationality code', 5)).toHaveAttribute('aria-invalid', 'true');
    await expect(
      wizard.previewRow(5).getByText('Nationality code: A two-letter country code, such as PK.'),
    ).toBeVisible();
    await expect(wizard.importButton).toBeDisabled();
    await page.screenshot({ path: 'test-results/import-preview-en.png', fullPage: true });
    await accessible(page);
    // The same step in Arabic, right to left, keeps the rows.
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 2, name: 'مراجعة الصفوف' })).toBeVisible();
    await page.screenshot({ path: 'test-results/import-preview-ar.png', fullPage: true });
    await accessible(page);
    await switchToEnglish(page);

    // A cell is fixed in place; put back as it was, the row is skipped instead.
    await wizard.cell('Nationality code', 5).fill('PK');
    await expect(page.getByText('Rows: 6 · ready: 6 · with problems: 0 · skipped: 0')).toBeVisible();
    await expect(wizard.cell('Nationality code', 5)).not.toHaveAttribute('aria-invalid', 'true');
    await wizard.cell('Nationality code', 5).fill('Pakistan');
    await expect(
      wizard.previewRow(5).getByText('A two-letter country code, such as PK.', { exact: true }),
    ).toBeVisible();
    await wizard.skipRow(5);
    await expect(page.getByText('Rows: 6 · ready: 5 · with problems: 0 · skipped: 1')).toBeVisible();
    await expect(wizard.importButton).toHaveText('Import 5 pilgrims');
    await wizard.importButton.click();

    await expect(wizard.step('Results')).toBeVisible();
    await expect(wizard.count('Registered')).toHaveText('3');
    await expect(wizard.count('Refused')).toHaveText('2');
    await expect(wizard.count('Skipped')).toHaveText('1');
    const refusedTooSoon = wizard.notRegistered.getByRole('row').filter({ hasText: passport(5) });
    await expect(refusedTooSoon).toContainText('Passport expiry date');
    await expect(refusedTooSoon).toContainText(/The passport must stay valid at least \d+ months after departure/);
    const duplicate = wizard.notRegistered.getByRole('row').filter({ hasText: passport(1) });
    await expect(duplicate).toContainText('appear earlier in the same list');
    await expect(wizard.notRegistered.getByRole('row').filter({ hasText: passport(4) })).toContainText('Skipped:');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the error report (CSV)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^pilgrims-import-errors-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.screenshot({ path: 'test-results/import-results-en.png', fullPage: true });
    await accessible(page);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'النتائج' })).toBeVisible();
    await page.screenshot({ path: 'test-results/import-results-ar.png', fullPage: true });
    await accessible(page);
    await switchToEnglish(page);

    // A registered pilgrim is in the pilgrims list; a refused one is not.
    await page.getByRole('link', { name: 'Go to the pilgrims list' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pilgrims' })).toBeVisible();
    const search = page.getByRole('searchbox', { name: 'Search by name or passport number' });
    await search.fill(passport(3));
    await expect(page.getByRole('table').getByText(passport(3))).toBeVisible();
    await search.fill(passport(5));
    await expect(page.getByText('No pilgrims match these filters.')).toBeVisible();
  });

  test('an agent imports for a company it has a contract with', async ({ page }) => {
    const passport = `A${Date.now().toString(36).toUpperCase()}`;
    const dir = mkdtempSync(join(tmpdir(), 'umrah-import-'));
    const file = join(dir, 'agent.csv');
    writeFileSync(
      file,
      [
        "Given name (English),Father's name (English),Grandfather's name (English),Family name (English)," +
          "Given name (Arabic),Father's name (Arabic),Grandfather's name (Arabic),Family name (Arabic)," +
          'Passport number,Nationality code,Date of birth,Sex,Passport issue date,Passport expiry date',
        `Siti,Ahmad,Hasan,Rahma,سيتي,أحمد,حسن,رحمة,${passport},ID,1975-11-20,F,2022-05-01,2035-05-01`,
      ].join('\n'),
      'utf8',
    );
    await signInAs(page, accounts.agent);
    await switchToEnglish(page);
    const wizard = new PilgrimImportPage(page);
    await wizard.openFromList();
    await wizard.upload(file);
    // An agent must say which company it registers for.
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
    await wizard.chooseCompany('Al-Safwa Umrah Company');
    await wizard.next();
    await expect(page.getByText('Missing', { exact: true })).toHaveCount(0);
    await wizard.next();
    await expect(wizard.importButton).toHaveText('Import 1 pilgrim');
    await wizard.importButton.click();
    await expect(wizard.step('Results')).toBeVisible();
    await expect(wizard.count('Registered')).toHaveText('1');
    await expect(page.getByText('Every row was registered.')).toBeVisible();
    await page.getByRole('link', { name: 'Go to the pilgrims list' }).click();
    await page.getByRole('searchbox', { name: 'Search by name or passport number' }).fill(passport);
    await expect(page.getByRole('row').filter({ hasText: passport })).toContainText('Al-Safwa Umrah Company');
  });
});
