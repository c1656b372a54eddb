import { expect, type Locator, type Page } from '@playwright/test';

/** The ministry's page for one company (`/companies/:id`), reached from the companies list. */
export class CompanyPage {
  constructor(private readonly page: Page) {}

  /** Opens the company from the companies list by its English name (the app must show English). */
  async openFromList(nameEn: string): Promise<void> {
    await this.page.goto('/companies');
    await this.page.getByRole('table').getByRole('link', { name: nameEn }).click();
    await expect(this.heading).toHaveText(nameEn);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The "Licence history" section: one article per decision. */
  get history(): Locator {
    return this.page
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: 'Licence history' }) });
  }

  /** The "Licence" card with the current status and an officer's buttons. */
  get licenseCard(): Locator {
    return this.page
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: 'Licence', exact: true }) });
  }

  licenseAction(name: 'Suspend licence' | 'Reinstate licence' | 'Revoke licence' | 'Renew licence'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /**
   * Takes a licence decision through the two-step dialog: reason (and, for a suspension, the
   * cure date as given), review, confirm; waits until the dialog closes.
   */
  async decide(
    action: 'Suspend licence' | 'Reinstate licence' | 'Revoke licence' | 'Renew licence',
    reason: string,
  ): Promise<void> {
    await this.licenseAction(action).click();
    const dialog = this.page.getByRole('dialog', { name: action });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Review' }).click();
    // The confirmation step repeats the reason before anything is sent.
    await expect(dialog.getByRole('cell', { name: reason })).toBeVisible();
    await dialog.getByRole('button', { name: `Confirm: ${action}` }).click();
    await expect(dialog).toBeHidden();
  }
}
