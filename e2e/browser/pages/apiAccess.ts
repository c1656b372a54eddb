import { expect, type Locator, type Page } from '@playwright/test';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The API access page (`/api-access`): a party's API clients and their once-shown secrets. */
export class ApiAccessPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/api-access');
    await expect(this.page.getByRole('heading', { level: 1, name: 'API access' })).toBeVisible();
  }

  get clientsTable(): Locator {
    return this.page.getByRole('region', { name: 'API clients' }).getByRole('table');
  }

  /** Creates a client and returns the credentials the one-time dialog shows; the dialog stays open. */
  async createClient(name: string): Promise<{ dialog: Locator; credentials: ClientCredentials }> {
    await this.page.getByRole('button', { name: 'New API client' }).click();
    const form = this.page.getByRole('dialog', { name: 'New API client' });
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('button', { name: 'Create client' }).click();
    const dialog = this.page.getByRole('dialog', { name: `${name} is ready` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('Copy the secret now: it is shown only once')).toBeVisible();
    const clientId = (
      await dialog
        .getByRole('row', { name: /Client ID/ })
        .locator('code')
        .innerText()
    ).trim();
    const clientSecret = (
      await dialog
        .getByRole('row', { name: /Client secret/ })
        .locator('code')
        .innerText()
    ).trim();
    return { dialog, credentials: { clientId, clientSecret } };
  }
}

/** The self-hosted GraphiQL at `/api-access/explorer`, signed in as an API client. */
export class ApiExplorerPage {
  constructor(private readonly page: Page) {}

  get tokenReady(): Locator {
    return this.page.getByText('Token ready: the explorer sends it as the Authorization header.');
  }

  get result(): Locator {
    return this.page.getByRole('region', { name: 'Result Window' });
  }

  /** Replaces the operation in GraphiQL's editor and runs it. */
  async run(query: string): Promise<void> {
    const editor = this.page.getByRole('region', { name: 'Operation Editor' }).getByRole('textbox').first();
    // Monaco's text area sits under its rendered lines: focus it rather than click it.
    await editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    // insertText, not type: Monaco would auto-close every bracket typed key by key.
    await this.page.keyboard.insertText(query);
    // Monaco still closes the first bracket after the cursor: drop whatever follows the text.
    await this.page.keyboard.press('ControlOrMeta+Shift+End');
    await this.page.keyboard.press('Delete');
    await this.page.getByRole('button', { name: /^Execute query/ }).click();
  }
}
