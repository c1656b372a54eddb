import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd Select, typing to narrow the list first; retried until the Select
 * shows the choice, since a search that answers late re-renders the list under the pointer.
 */
async function pick(page: Page, select: Locator, search: string, option: string | RegExp): Promise<void> {
  // The Select's wrapper, which shows the chosen option's label.
  const field = select.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await expect(async () => {
    await select.click();
    await select.fill(search);
    const choice = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
    await expect(choice).toBeVisible({ timeout: 5_000 });
    await choice.click();
    await expect(field).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

export interface ComponentSpec {
  search: string;
  option: string | RegExp;
  dayOffset: number;
  days: number;
}

export interface PackageSpec {
  nameAr: string;
  nameEn: string;
  priceSar: string;
  makkahNights: number;
  madinahNights: number;
  saleStartsOn: string;
  saleEndsOn: string;
  components: ComponentSpec[];
}

/** The manager's package list (`/packages`) and builder (`/packages/new`), in English. */
export class PackagesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Service packages' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Service packages' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByRole('region', { name: 'Service packages' }).getByRole('row').filter({ hasText: name });
  }

  /** Composes a package in the builder and saves it as a draft; ends on the package's page. */
  async compose(spec: PackageSpec): Promise<void> {
    await this.page.getByRole('button', { name: 'New package' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'New package' })).toBeVisible();
    const form = this.page.locator('form#packageBuilder');
    await form.getByLabel('Name in Arabic').fill(spec.nameAr);
    await form.getByLabel('Name in English').fill(spec.nameEn);
    await form.getByLabel('Price per pilgrim (SAR)').fill(spec.priceSar);
    await form.getByLabel('Nights in Makkah').fill(String(spec.makkahNights));
    await form.getByLabel('Nights in Madinah').fill(String(spec.madinahNights));
    await form.getByLabel('Sale starts on').fill(spec.saleStartsOn);
    await form.getByLabel('Sale ends on').fill(spec.saleEndsOn);
    for (const [index, component] of spec.components.entries()) {
      await form.getByRole('button', { name: 'Add component' }).click();
      const group = form.getByRole('group', { name: `Component ${index + 1}` });
      await pick(this.page, group.getByLabel('Service'), component.search, component.option);
      await group.getByLabel('From day').fill(String(component.dayOffset));
      await group.getByLabel('Days').fill(String(component.days));
    }
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: spec.nameEn })).toBeVisible();
  }
}

/** One package's page (`/packages/:id`), in English. */
export class PackageDetailPage {
  constructor(private readonly page: Page) {}

  get status(): Locator {
    return this.page.locator('.page-header').locator('.status-tag').first();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(this.status).toHaveText('Awaiting approval');
  }

  async approve(): Promise<void> {
    await this.page.getByRole('button', { name: 'Approve' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Approve package' });
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.status).toHaveText('Approved');
  }

  historyStep(text: string): Locator {
    return this.page
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: 'History' }) })
      .getByText(text, { exact: true });
  }
}

/** The ministry's approval queue (`/package-approvals`), in English. */
export class PackageApprovalQueuePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Package approvals' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Package approvals' })).toBeVisible();
  }

  async openPackage(name: string): Promise<void> {
    await this.page.getByRole('region', { name: 'Package approvals' }).getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
}

/** The bookings list (`/bookings`), in English. */
export class BookingsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Bookings' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Bookings' })).toBeVisible();
  }

  row(text: string): Locator {
    return this.page.getByRole('region', { name: 'Bookings' }).getByRole('row').filter({ hasText: text });
  }

  /** Books a pilgrim (found by passport number) on a package, arriving on `startsOn`. */
  async book(packageName: string, passportNumber: string, startsOn: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Book a pilgrim' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Book a pilgrim' });
    await pick(this.page, dialog.getByLabel('Package'), packageName, packageName);
    await pick(this.page, dialog.getByLabel('Pilgrim'), passportNumber, passportNumber);
    await dialog.getByLabel('Arrival').fill(startsOn);
    await dialog.getByRole('button', { name: 'Book' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Shows only the bookings of one package. */
  async filterByPackage(name: string): Promise<void> {
    await pick(this.page, this.page.getByRole('search').getByLabel('Package'), name, name);
  }

  async confirm(passportOrName: string, paymentReference: string): Promise<string> {
    const row = this.row(passportOrName);
    const brn = (await row.locator('.maqam-code').innerText()).trim();
    await row.getByRole('button', { name: 'Confirm' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Confirm booking ${brn}` });
    await dialog.getByLabel('Payment reference').fill(paymentReference);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    return brn;
  }
}

/** The provider's inventory calendar (`/provider-inventory`), in English. */
export class InventoryCalendarPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Inventory calendar' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Inventory calendar' })).toBeVisible();
  }

  async show(month: string, item: string | RegExp): Promise<void> {
    await this.page.getByLabel('Month').fill(month);
    await this.page.getByLabel('Item', { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: item }).first().click();
  }

  get calendar(): Locator {
    return this.page.getByRole('region', { name: /^Places and prices of / });
  }

  reservation(brn: string): Locator {
    return this.page.getByRole('region', { name: 'Reservations' }).getByRole('row').filter({ hasText: brn });
  }
}
