import { expect, test, type Page } from '@playwright/test';
import { accounts, signInAs, switchToEnglish } from './pages/session';
import { callApi } from './pages/visas';

// Text stored through the API is shown as text: markup in a group name, a complaint or a package
// name never becomes an element, never runs, and reads on the page exactly as it was typed.
const stamp = String(Date.now()).slice(-6);
const IMG = `<img src=x onerror="window.__pwned=1;alert(1)">`;
const SCRIPT = `<script>window.__pwned=1</script>`;
const SVG = `"><svg onload="window.__pwned=1">`;
const hostile = (label: string): string => `${label} ${stamp} ${IMG}${SCRIPT}${SVG} '; drop table pilgrim; --`;

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** Nothing the stored text held became live: no dialog, no injected element, no global set. */
async function expectInert(page: Page, dialogs: string[], text: string): Promise<void> {
  await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('svg[onload]')).toHaveCount(0);
  expect(await page.evaluate(() => [...document.scripts].some((s) => s.text.includes('__pwned')))).toBe(false);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
}

/** A signed-in manager of Al-Safwa, in English, with every dialog recorded (and dismissed). */
async function managerPage(page: Page, dialogs: string[]): Promise<void> {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAs(page, accounts.managerSafwa);
  await switchToEnglish(page);
}

test.describe('stored text is rendered inert', () => {
  test('a group name with markup shows literally on the groups list and the group page', async ({ page, request }) => {
    const dialogs: string[] = [];
    await managerPage(page, dialogs);
    // A group name has at most 120 characters.
    const name = `Group ${stamp} ${IMG}${SCRIPT}`;
    const { createPilgrimGroup } = await callApi<{ createPilgrimGroup: { id: string; name: string } }>(
      page,
      request,
      'mutation($input: CreatePilgrimGroupInput!) { createPilgrimGroup(input: $input) { id name } }',
      { input: { name } },
    );
    expect(createPilgrimGroup.name).toBe(name);

    await page.goto('/groups');
    await expectInert(page, dialogs, name);
    await page.goto(`/groups/${createPilgrimGroup.id}`);
    await expectInert(page, dialogs, name);
  });

  test('a complaint description with markup shows literally on the complaint page and the desk', async ({
    page,
    request,
  }) => {
    const dialogs: string[] = [];
    await managerPage(page, dialogs);
    const { serviceProviders } = await callApi<{ serviceProviders: { edges: { node: { id: string } }[] } }>(
      page,
      request,
      'query { serviceProviders(first: 1) { edges { node { id } } } }',
    );
    const description = hostile('Complaint');
    const { fileComplaint } = await callApi<{ fileComplaint: { id: string; description: string } }>(
      page,
      request,
      'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id description } }',
      {
        input: {
          providerId: serviceProviders.edges[0]!.node.id,
          category: 'ACCOMMODATION',
          description,
          city: 'Makkah',
          site: `${SCRIPT} Ajyad`,
        },
      },
    );
    expect(fileComplaint.description).toBe(description);

    await page.goto(`/complaints/${fileComplaint.id}`);
    await expectInert(page, dialogs, description);
    await page.goto('/complaints');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(dialogs).toEqual([]);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  test('a package name with markup shows literally on the packages list and the package page', async ({
    page,
    request,
  }) => {
    const dialogs: string[] = [];
    await managerPage(page, dialogs);
    const nameEn = hostile('Package');
    const { createServicePackage } = await callApi<{ createServicePackage: { id: string; nameEn: string } }>(
      page,
      request,
      'mutation($input: ServicePackageInput!) { createServicePackage(input: $input) { id nameEn } }',
      {
        input: {
          nameAr: `باقة ${stamp} ${IMG}`,
          nameEn,
          priceHalalas: 485_000,
          makkahNights: 3,
          madinahNights: 2,
          saleStartsOn: '2027-01-05',
          saleEndsOn: '2027-02-20',
          // A draft may be incomplete: no components.
          components: [],
        },
      },
    );
    expect(createServicePackage.nameEn).toBe(nameEn);

    await page.goto('/packages');
    await expectInert(page, dialogs, nameEn);
    await page.goto(`/packages/${createServicePackage.id}`);
    await expectInert(page, dialogs, nameEn);
  });
});
