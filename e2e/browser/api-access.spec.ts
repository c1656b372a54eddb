import { expect, test } from '@playwright/test';
import { ApiAccessPage, ApiExplorerPage } from './pages/apiAccess';
import { accounts, signInAs, switchToEnglish } from './pages/session';

const COMPANIES_QUERY = '{ companies(first: 10) { edges { node { nameEn } } } }';

test('a manager creates an API client, sees its secret once, and the explorer with its token sees only their company', async ({
  page,
}) => {
  await signInAs(page, accounts.managerSafwa);
  await switchToEnglish(page);
  const apiAccess = new ApiAccessPage(page);
  await apiAccess.open();
  await page.screenshot({ path: 'test-results/manager-api-access-en.png', fullPage: true });

  const name = `Booking system ${Date.now()}`;
  const { dialog, credentials } = await apiAccess.createClient(name);
  expect(credentials.clientSecret.length).toBeGreaterThan(20);
  await page.screenshot({ path: 'test-results/manager-api-secret-en.png' });
  // "Done" stays disabled until the manager says the secret is stored.
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'I have stored the secret safely' }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // Shown once: the list has the client and its id, never the secret.
  const row = apiAccess.clientsTable.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(credentials.clientId);
  await expect(page.getByText(credentials.clientSecret)).toHaveCount(0);
  await expect(row).toContainText('Never used');

  // The explorer: paste the id and secret shown once, exchange them for a token.
  await page.getByRole('link', { name: 'Open the API explorer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API explorer' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Client ID' }).fill(credentials.clientId);
  await page.getByLabel('Client secret').fill(credentials.clientSecret);
  await page.getByRole('button', { name: 'Get token' }).click();
  const explorer = new ApiExplorerPage(page);
  await expect(explorer.tokenReady).toBeVisible();

  await expect(page.getByRole('region', { name: 'Operation Editor' })).toBeVisible({ timeout: 30_000 });
  await explorer.run(COMPANIES_QUERY);
  await expect(explorer.result).toContainText('Al-Safwa Umrah Company', { timeout: 30_000 });
  await expect(explorer.result).not.toContainText('Al-Rawda');
  await page.screenshot({ path: 'test-results/manager-api-explorer-en.png', fullPage: true });

  // The client now shows a last use.
  await apiAccess.open();
  await expect(apiAccess.clientsTable.getByRole('row', { name: new RegExp(name) })).not.toContainText('Never used');
});

test('a revoked client cannot get a token any more', async ({ page }) => {
  await signInAs(page, accounts.managerSafwa);
  await switchToEnglish(page);
  const apiAccess = new ApiAccessPage(page);
  await apiAccess.open();
  const name = `Old integration ${Date.now()}`;
  const { dialog, credentials } = await apiAccess.createClient(name);
  await dialog.getByRole('checkbox', { name: 'I have stored the secret safely' }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();

  const row = apiAccess.clientsTable.getByRole('row', { name: new RegExp(name) });
  await row.getByRole('button', { name: 'Revoke' }).click();
  const revoke = page.getByRole('dialog', { name: 'Revoke API client' });
  await revoke.getByRole('textbox', { name: 'Reason' }).fill('Integration retired (e2e)');
  await revoke.getByRole('button', { name: 'Review' }).click();
  await revoke.getByRole('button', { name: 'Confirm: Revoke API client' }).click();
  await expect(revoke).toBeHidden();
  await expect(row).toContainText('Revoked');

  await page.goto('/api-access/explorer');
  await page.getByRole('textbox', { name: 'Client ID' }).fill(credentials.clientId);
  await page.getByLabel('Client secret').fill(credentials.clientSecret);
  await page.getByRole('button', { name: 'Get token' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The change was not made' })).toContainText(
    'The client ID or secret is not correct, or the client has been revoked.',
  );
  await expect(new ApiExplorerPage(page).tokenReady).toHaveCount(0);
});
