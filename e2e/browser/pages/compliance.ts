import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd select: its list is virtual, so the visible item is found by its title.
 * The company list loads after the select opens and can re-render under the first click, so the
 * pick is tried again until the list has closed on it.
 */
async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const list = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await list.count()) === 0) await select.click();
    await list.getByTitle(option, { exact: true }).click({ timeout: 3_000 });
    // The closing list still covers the next field for a moment.
    await expect(list).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/** The complaints desk (`/complaints`) and the new-complaint form, in English. */
export class ComplaintsDeskPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Complaints', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Complaints desk' })).toBeVisible();
  }

  private choose(select: Locator, option: string): Promise<void> {
    return chooseOption(this.page, select, option);
  }

  get fileButton(): Locator {
    return this.page.getByRole('button', { name: 'File a complaint' });
  }

  get table(): Locator {
    return this.page.getByRole('region', { name: 'Complaints desk' });
  }

  /** Files a complaint against a company and waits for its page; returns the page's address. */
  async fileAgainstCompany(company: string, category: string, description: string): Promise<string> {
    await this.fileButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'File a complaint' });
    await expect(dialog).toBeVisible();
    await this.choose(dialog.getByRole('combobox', { name: 'Company' }), company);
    await this.choose(dialog.getByRole('combobox', { name: 'Category' }), category);
    await dialog.getByLabel('Site').fill('Ibrahim Al-Khalil Street');
    await dialog.getByLabel('What happened').fill(description);
    await dialog.getByRole('button', { name: 'File the complaint' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { level: 1, name: `Complaint: ${category}` })).toBeVisible();
    return this.page.url();
  }
}

/** One complaint's page (`/complaints/:id`), in English. */
export class ComplaintDetailPage {
  constructor(private readonly page: Page) {}

  get status(): Locator {
    return this.page.locator('.page-header .status-tag').first();
  }

  section(title: string): Locator {
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { level: 2, name: title }) });
  }

  async answer(text: string, closes: boolean): Promise<void> {
    await this.page.getByRole('button', { name: 'Answer the complaint' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Answer the complaint' });
    await dialog.getByLabel(closes ? 'Yes, close the complaint' : 'No, keep it in progress').check();
    await dialog.getByLabel('Your answer').fill(text);
    await dialog.getByRole('button', { name: 'Answer the complaint' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Fines an upheld complaint with one COMPLAINT_UPHELD violation. */
  async recordViolation(fineSar: number, details: string): Promise<void> {
    const name = 'Record a violation for this complaint';
    await this.page.getByRole('button', { name }).click();
    const dialog = this.page.getByRole('dialog', { name });
    await dialog.getByLabel('Fine (SAR)').fill(String(fineSar));
    await dialog.getByLabel('What was found').fill(details);
    await dialog.getByRole('button', { name }).click();
    await expect(dialog).toBeHidden();
  }

  async resolve(resolution: string, upheld: boolean): Promise<void> {
    await this.page.getByRole('button', { name: 'Resolve', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Resolve' });
    await dialog.getByLabel(upheld ? 'Upheld' : 'Not upheld', { exact: true }).check();
    await dialog.getByLabel('Resolution').fill(resolution);
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The compliance dashboard (`/compliance`), in English. */
export class ComplianceDashboardPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Compliance', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Compliance' })).toBeVisible();
  }

  get ranking(): Locator {
    return this.page.getByRole('region', { name: 'Compliance ranking' });
  }

  rankingRow(party: string): Locator {
    return this.ranking.getByRole('row').filter({ hasText: party });
  }

  section(title: string): Locator {
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { level: 2, name: title }) });
  }

  /** A figure of the period's summary (e.g. "Upheld complaints"). */
  figure(label: string): Locator {
    return this.section('Figures of the period').locator('.compliance-summary__item', { hasText: label }).locator('dd');
  }

  /** Limits the charts and the trend to one company or provider (the ministry's filter). */
  async showFiguresOf(party: string): Promise<void> {
    await chooseOption(this.page, this.page.getByRole('combobox', { name: 'Whose figures' }), party);
  }
}
