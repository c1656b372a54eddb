import { expect, type Locator, type Page } from '@playwright/test';

/** The manager's Al-Barakat page (`/loyalty`), in English. */
export class ManagerLoyaltyPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Al-Barakat loyalty' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Al-Barakat loyalty' })).toBeVisible();
  }

  get balance(): Locator {
    return this.page.getByTestId('loyalty-balance');
  }

  section(title: string): Locator {
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { level: 2, name: title }) });
  }

  reward(name: string): Locator {
    return this.section('Rewards catalogue').getByRole('listitem').filter({ hasText: name });
  }

  /** Opens the redeem dialog of a reward, asks for `quantity` units and sends the request. */
  async redeem(name: string, quantity = 1): Promise<void> {
    await this.reward(name)
      .getByRole('button', { name: `Redeem: ${name}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Redeem: ${name}` });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Quantity').fill(String(quantity));
    await dialog.getByRole('button', { name: 'Request the reward' }).click();
    await expect(dialog).toBeHidden();
  }

  request(rewardName: string): Locator {
    return this.section('Your reward requests').getByRole('row').filter({ hasText: rewardName });
  }

  get ledgerRows(): Locator {
    return this.section('Points ledger').getByRole('row');
  }
}

/** The programme staff's queue of reward requests (`/loyalty-redemptions`), in English. */
export class RedemptionQueuePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Reward requests' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Reward requests' })).toBeVisible();
  }

  row(company: string, reward: string, status: string): Locator {
    return this.page
      .getByRole('region', { name: 'Reward requests' })
      .getByRole('row')
      .filter({ hasText: company })
      .filter({ hasText: reward })
      .filter({ hasText: status });
  }

  async showStatuses(...statuses: string[]): Promise<void> {
    const filter = this.page.getByRole('search', { name: 'Filter the requests' });
    const remove = filter.locator('.ant-select-selection-item-remove');
    while ((await remove.count()) > 0) await remove.first().click();
    await filter.getByRole('combobox', { name: 'Status' }).click();
    for (const status of statuses) {
      // antd renders the visible options apart from its (virtual) accessible listbox.
      await this.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${status}$`) })
        .click();
    }
    await this.page.keyboard.press('Escape');
  }

  async approve(row: Locator, reward: string): Promise<void> {
    await row.getByRole('button', { name: `Approve: ${reward}` }).click();
    await this.page.getByRole('tooltip').getByRole('button', { name: 'Approve' }).click();
  }

  async fulfil(row: Locator, reward: string, note: string): Promise<void> {
    await row.getByRole('button', { name: `Mark fulfilled: ${reward}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Mark fulfilled: ${reward}` });
    await dialog.getByLabel(/Delivery note/).fill(note);
    await dialog.getByRole('button', { name: 'Mark fulfilled' }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The ministry's programme page (`/loyalty-programme`), in English. */
export class ProgrammePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Al-Barakat programme' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Al-Barakat programme' })).toBeVisible();
  }

  section(title: string): Locator {
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { level: 2, name: title }) });
  }
}
