import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  BookingsPage,
  InventoryCalendarPage,
  PackageApprovalQueuePage,
  PackageDetailPage,
  PackagesPage,
  type PackageSpec,
} from './pages/packages';
import { accounts, CHANGING_CONTROL, signInAs, switchToEnglish } from './pages/session';
import { callApi } from './pages/visas';

/** One browser context and one sign-in per role, in English. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email);
  await switchToEnglish(page);
  return page;
}

// Demo inventory is open from November 2026 to April 2027; the stay lies well inside it.
const ARRIVAL = '2027-01-12';
const spec = (suffix: string): PackageSpec => ({
  nameAr: `باقة الحرمين ${suffix}`,
  nameEn: `Haramain five nights ${suffix}`,
  priceSar: '4850.50',
  makkahNights: 3,
  madinahNights: 2,
  saleStartsOn: '2027-01-05',
  saleEndsOn: '2027-02-20',
  components: [
    // Makkah Towers Hotel is the demo provider with an account (provider@makkahtowers.demo).
    { search: 'Makkah Towers', option: 'Makkah Towers Hotel — Double room', dayOffset: 0, days: 3 },
    { search: 'Madinah Inn', option: 'Madinah Inn — Double room', dayOffset: 3, days: 2 },
    { search: 'Makkah to Madinah', option: /Makkah to Madinah/, dayOffset: 3, days: 1 },
  ],
});

test.describe('a Maqam package from composition to a booking the provider sees', () => {
  test('manager composes and submits, officer approves, manager books and confirms, provider sees the reservation', async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const pkg = spec(String(Date.now()).slice(-6));

    // The manager composes the package from demo inventory and sends it to the ministry.
    const manager = await signedIn(browser, accounts.managerSafwa);
    const packages = new PackagesPage(manager);
    await packages.open();
    await packages.compose(pkg);
    const detail = new PackageDetailPage(manager);
    await expect(detail.status).toHaveText('Draft');
    await expect(manager.getByRole('region', { name: 'Components' }).getByRole('row')).toHaveCount(4);
    await detail.submit();
    await expect(detail.historyStep('Sent for approval')).toBeVisible();
    await manager.screenshot({ path: 'test-results/package-submitted-en.png', fullPage: true });

    // The officer finds it in the queue and approves it.
    const officer = await signedIn(browser, accounts.officer);
    const queue = new PackageApprovalQueuePage(officer);
    await queue.open();
    await officer.screenshot({ path: 'test-results/package-queue-en.png', fullPage: true });
    await queue.openPackage(pkg.nameEn);
    await new PackageDetailPage(officer).approve();
    await expect(new PackageDetailPage(officer).historyStep('Approved')).toBeVisible();
    await officer.getByRole('button', { name: 'العربية' }).click();
    await expect(officer.getByText('اعتُمدت', { exact: true })).toBeVisible();
    await officer.screenshot({ path: 'test-results/package-approved-ar.png', fullPage: true });

    // The manager books a pilgrim of the company who has no booking yet, and confirms on payment.
    const data = await callApi<{
      pilgrims: { edges: { node: { passportNumber: string; booking: { id: string } | null } }[] };
    }>(manager, request, `query { pilgrims(first: 100) { edges { node { passportNumber booking { id } } } } }`);
    const pilgrim = data.pilgrims.edges.map((e) => e.node).find((p) => p.booking === null);
    expect(pilgrim, 'the demo company has a pilgrim without a booking').toBeDefined();
    const bookings = new BookingsPage(manager);
    await bookings.open();
    await bookings.book(pkg.nameEn, pilgrim!.passportNumber, ARRIVAL);
    await bookings.filterByPackage(pkg.nameEn);
    await expect(bookings.row(pkg.nameEn).getByText('Held, not yet paid')).toBeVisible();
    const brn = await bookings.confirm(pkg.nameEn, 'PAY-E2E-0001');
    expect(brn).toMatch(/^BRN-[A-Z0-9]{10}$/);
    await expect(bookings.row(brn).getByText('Confirmed', { exact: true })).toBeVisible();
    await expect(bookings.row(brn)).toContainText('PAY-E2E-0001');
    await manager.screenshot({ path: 'test-results/bookings-manager-en.png', fullPage: true });
    await manager.getByRole('button', { name: 'العربية' }).click();
    await expect(manager.getByRole('heading', { level: 1, name: 'الحجوزات' })).toBeVisible();
    await manager.screenshot({ path: 'test-results/bookings-manager-ar.png', fullPage: true });

    // The hotel's provider sees the booking's places on its calendar and in its reservations.
    const provider = await signedIn(browser, accounts.provider);
    const inventory = new InventoryCalendarPage(provider);
    await inventory.open();
    await inventory.show('2027-01', 'Double room');
    await expect(inventory.calendar).toBeVisible();
    await expect(inventory.reservation(brn)).toBeVisible();
    await expect(inventory.reservation(brn)).toContainText('Al-Safwa');
    await expect(inventory.reservation(brn)).toContainText('Confirmed');
    await provider.screenshot({ path: 'test-results/provider-inventory-en.png', fullPage: true });
    await provider.getByRole('button', { name: 'العربية' }).click();
    await expect(provider.getByRole('heading', { level: 1, name: 'تقويم المخزون' })).toBeVisible();
    await provider.screenshot({ path: 'test-results/provider-inventory-ar.png', fullPage: true });
  });

  test('a supervisor reads packages and bookings and can change nothing', async ({ page }) => {
    await signInAs(page, accounts.supervisor);
    await switchToEnglish(page);
    for (const [link, heading] of [
      ['Service packages', 'Service packages'],
      ['Package approvals', 'Package approvals'],
      ['Bookings', 'Bookings'],
    ] as const) {
      await page.getByRole('navigation').getByRole('link', { name: link }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText('Read-only')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expect(page.getByRole('main').getByRole('button', { name: CHANGING_CONTROL })).toHaveCount(0);
    }
  });
});
