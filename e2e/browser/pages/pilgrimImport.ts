import { expect, type Locator, type Page } from '@playwright/test';

/** The CSV import wizard (`/pilgrims/import`), in English: file, columns, review, import, results. */
export class PilgrimImportPage {
  constructor(private readonly page: Page) {}

  /** Opens the wizard from the pilgrims list, as a manager or agent would. */
  async openFromList(): Promise<void> {
    await this.page.goto('/pilgrims');
    await this.page.getByRole('link', { name: 'Import from a file' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Import pilgrims from a file' })).toBeVisible();
  }

  step(name: 'Choose the file' | 'Match the columns' | 'Review the rows' | 'Importing' | 'Results'): Locator {
    return this.page.getByRole('heading', { level: 2, name });
  }

  /** Picks a file for the upload field and waits until the wizard has read it. */
  async upload(path: string): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(path);
    await expect(this.page.getByRole('alert').filter({ hasText: /rows \d+, columns \d+/ })).toBeVisible();
  }

  /** An agent picks the contracted company it registers for. */
  async chooseCompany(nameEn: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Company' }).click();
    // antd lists the options twice: a hidden list for screen readers and the visible one.
    await this.page.locator('.ant-select-item-option', { hasText: nameEn }).click();
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next', exact: true }).click();
  }

  /** The mapping table's row for one field. */
  mappingRow(field: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByText(field, { exact: true }) });
  }

  /** The preview's row for a file row (spreadsheet numbering: the header is row 1). */
  previewRow(line: number): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('button', { name: new RegExp(`row ${line}( again)?$`) }) });
  }

  cell(field: string, line: number): Locator {
    return this.page.getByRole('textbox', { name: `${field}, row ${line}`, exact: true });
  }

  async skipRow(line: number): Promise<void> {
    await this.page.getByRole('button', { name: `Skip row ${line}`, exact: true }).click();
    await expect(this.page.getByRole('button', { name: `Include row ${line} again`, exact: true })).toBeVisible();
  }

  get importButton(): Locator {
    return this.page.getByRole('button', { name: /^Import \d+ pilgrims?$/ });
  }

  /** A count on the results step, by its title ("Registered", "Refused", "Skipped"). */
  count(title: 'Registered' | 'Refused' | 'Skipped' | 'Not sent'): Locator {
    return this.page
      .getByRole('group', { name: 'Import results' })
      .locator('.ant-statistic')
      .filter({ has: this.page.getByText(title, { exact: true }) })
      .locator('.ant-statistic-content');
  }

  /** The "Rows not registered" table on the results step. */
  get notRegistered(): Locator {
    return this.page.getByRole('region', { name: 'Rows not registered' }).getByRole('table');
  }
}
