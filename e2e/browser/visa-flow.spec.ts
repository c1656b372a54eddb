import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { RegisterPilgrimPage } from './pages/groups';
import { BookingsPage } from './pages/packages';
import { accounts, CHANGING_CONTROL, signInAs, switchToEnglish } from './pages/session';
import {
  callApi,
  submittedApplications,
  VisaApplicationPage,
  VisaDashboardPage,
  VisaPipelinePage,
} from './pages/visas';

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A family name no other test pilgrim has, in both scripts, so the pilgrim's rows are found by name. */
function uniqueFamilyName(): { en: string; ar: string } {
  const latin = 'bcdfghklmnrstz';
  const arabic = 'بتجدرزسطفقكلمن';
  const picks = Array.from({ length: 6 }, () => randomInt(0, latin.length));
  return {
    en: `Q${picks.map((i) => latin[i]).join('')}`,
    ar: `ق${picks.map((i) => arabic[i]).join('')}`,
  };
}

test.describe('a visa from submission to issuance', () => {
  test('a manager approves a submitted application and watches it reach "issued" with a MOFA reference', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, accounts.managerSafwa);
    await switchToEnglish(page);
    const candidates = await submittedApplications(page, request);
    expect(candidates.length, 'the demo company has submitted applications').toBeGreaterThan(0);

    // From the list: a pilgrim without a confirmed booking is refused, and the manager reads why.
    const pipeline = new VisaPipelinePage(page);
    await pipeline.open();
    await pipeline.statusToggle('Submitted').click();
    await expect(pipeline.statusToggle('Submitted')).toHaveAttribute('aria-pressed', 'true');
    const unbooked = candidates.find((c) => c.bookingStatus !== 'CONFIRMED');
    if (unbooked) {
      await pipeline.approve(unbooked.pilgrimNameEn);
      await expect(pipeline.refusal(unbooked.pilgrimNameEn)).toBeVisible();
      await expect(pipeline.refusal(unbooked.pilgrimNameEn)).toContainText(/booking|contract|licence|passport|quota/i);
      await expect(pipeline.row(unbooked.pilgrimNameEn).getByText('Submitted')).toBeVisible();
    }
    await page.screenshot({ path: 'test-results/visa-pipeline-manager-en.png', fullPage: true });

    // From the application's page: the first one the API accepts goes on to payment and MOFA.
    const application = new VisaApplicationPage(page);
    let approved: string | null = null;
    for (const candidate of candidates.filter((c) => c !== unbooked)) {
      await application.open(candidate.id);
      await expect(page.getByRole('heading', { level: 1, name: candidate.pilgrimNameEn })).toBeVisible();
      await expect(application.status).toHaveText('Status: Submitted');
      await application.approve();
      // Either the API refuses (the page says why) or the application moves on.
      const movedOn = page.getByText(/^Status: (Approved by company|Paid|Sent to MOFA|Issued)/);
      await expect(application.refusal.or(movedOn)).toBeVisible();
      if (await application.refusal.isVisible()) {
        await expect(application.refusal).toContainText(/booking|contract|licence|passport|quota/i);
        continue;
      }
      approved = candidate.id;
      break;
    }
    expect(approved, 'one submitted application could be approved').not.toBeNull();

    // The page follows payment and MOFA by itself (no reload) until the visa is issued.
    await expect(application.status).toHaveText('Status: Issued', { timeout: 30_000 });
    await expect(application.fact('MOFA reference')).toHaveText(/^\d{8,9}$/);
    await expect(application.fact('Visa number')).not.toHaveText('Not yet');
    await expect(application.fact('Visa and insurance fee')).toContainText('SAR');
    for (const step of ['Approved by company', 'Paid', 'Sent to MOFA', 'Issued']) {
      await expect(application.timeline.getByText(step, { exact: true }).first()).toBeVisible();
    }
    await expect(application.timeline.getByText('You')).toBeVisible();
    await page.screenshot({ path: 'test-results/visa-issued-en.png', fullPage: true });
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.getByText('الحالة: صادرة')).toBeVisible();
    await page.screenshot({ path: 'test-results/visa-issued-ar.png', fullPage: true });
  });

  test('a pilgrim registered in the app, booked on a package and applied for from the pilgrims list is issued a visa', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    await signInAs(page, accounts.managerSafwa);
    await switchToEnglish(page);

    // Registered through the form.
    const family = uniqueFamilyName();
    const passportNumber = `PK${randomInt(1_000_000, 9_999_999)}`;
    const nameEn = `Yusuf Ibrahim Salim ${family.en}`;
    await page.goto('/pilgrims/new');
    const form = new RegisterPilgrimPage(page);
    await expect(form.heading).toBeVisible();
    await form.fill({
      nameAr: ['يوسف', 'إبراهيم', 'سالم', family.ar],
      nameEn: ['Yusuf', 'Ibrahim', 'Salim', family.en],
      passportNumber,
      nationality: 'Pakistan',
      sex: 'Male',
      dateOfBirth: '1979-03-14',
      passportIssuedOn: '2024-06-01',
      passportExpiresOn: '2034-05-31',
    });
    await form.submit();
    await expect(page.getByText(`${nameEn} was registered.`)).toBeVisible();

    // Booked on one of the company's approved packages, arriving ten days from now (inside the entry
    // window a visa issued today allows), and confirmed on payment.
    const arrival = addDays(new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10), 10);
    const { servicePackages } = await callApi<{
      servicePackages: {
        edges: {
          node: {
            nameEn: string;
            makkahNights: number;
            madinahNights: number;
            saleStartsOn: string;
            saleEndsOn: string;
          };
        }[];
      };
    }>(
      page,
      request,
      `query { servicePackages(first: 100, filter: { status: APPROVED }) {
        edges { node { nameEn makkahNights madinahNights saleStartsOn saleEndsOn } } } }`,
    );
    const pkg = servicePackages.edges
      .map((e) => e.node)
      .find((p) => p.saleStartsOn <= arrival && addDays(arrival, p.makkahNights + p.madinahNights) <= p.saleEndsOn);
    expect(pkg, 'the demo company has an approved package on sale ten days from now').toBeDefined();
    const bookings = new BookingsPage(page);
    await bookings.open();
    await bookings.book(pkg!.nameEn, passportNumber, arrival);
    await expect(bookings.row(nameEn).getByText('Held, not yet paid')).toBeVisible();
    await bookings.confirm(nameEn, `PAY-E2E-${passportNumber}`);
    await expect(bookings.row(nameEn).getByText('Confirmed', { exact: true })).toBeVisible();

    // Applied for from the pilgrims list.
    await page.goto('/pilgrims');
    await page.getByLabel('Search by name or passport number').fill(passportNumber);
    const listed = page.getByRole('table').getByRole('row').filter({ hasText: passportNumber });
    await expect(listed).toContainText('No visa application');
    await listed.getByRole('button', { name: `Apply for visa — ${nameEn}` }).click();
    await expect(page.getByText('Visa application submitted. The company approves it next.')).toBeVisible();
    await listed.getByRole('link', { name: `View application — ${nameEn}` }).click();
    const application = new VisaApplicationPage(page);
    await expect(page.getByRole('heading', { level: 1, name: nameEn })).toBeVisible();
    await expect(application.status).toHaveText('Status: Submitted');

    // The booking reaches the visa side as an event; until it has, approval is refused for want of
    // one, and the manager tries again.
    await expect(async () => {
      if (await application.refusal.isVisible()) await page.reload();
      await application.approve();
      await expect(page.getByText(/^Status: (Approved by company|Paid|Sent to MOFA|Issued)/)).toBeVisible({
        timeout: 3_000,
      });
    }).toPass({ timeout: 30_000 });
    await expect(application.status).toHaveText('Status: Issued', { timeout: 30_000 });
    await expect(application.fact('MOFA reference')).toHaveText(/^\d{8,9}$/);
    for (const step of ['Submitted', 'Approved by company', 'Paid', 'Sent to MOFA', 'Issued']) {
      await expect(application.timeline.getByText(step, { exact: true }).first()).toBeVisible();
    }
    await page.screenshot({ path: 'test-results/visa-applied-issued-en.png', fullPage: true });
  });

  test('a supervisor reads the visa dashboard and the pipeline, and can change nothing', async ({ page }) => {
    await signInAs(page, accounts.supervisor);
    await switchToEnglish(page);
    const dashboard = new VisaDashboardPage(page);
    await dashboard.open();
    for (const title of [
      'Steps reached per day',
      'Applications by nationality',
      'Applications by status',
      'By company',
      'Pilgrims who overstayed',
    ]) {
      await expect(dashboard.section(title)).toBeVisible();
    }
    // Three charts, each beside a table with the same numbers.
    await expect(page.locator('.recharts-wrapper')).toHaveCount(3);
    await expect(
      dashboard.section('Applications by nationality').getByRole('cell', { name: 'Indonesia' }),
    ).toBeVisible();
    await expect(dashboard.bigNumber('In the Kingdom now')).toHaveText(/^\d[\d,]*$/);
    await expect(dashboard.bigNumber('Overstays')).toHaveText(/^\d[\d,]*$/);
    await expect(dashboard.section('Pilgrims who overstayed').getByRole('row').nth(1)).toBeVisible();
    const buttons = await page.getByRole('button').allInnerTexts();
    expect(buttons.filter((b) => CHANGING_CONTROL.test(b))).toEqual([]);
    await page.screenshot({ path: 'test-results/visa-dashboard-supervisor-en.png', fullPage: true });

    const pipeline = new VisaPipelinePage(page);
    await pipeline.open();
    await pipeline.statusToggle('Submitted').click();
    await expect(pipeline.table.getByText('Submitted').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^(Approve|Reject|Withdraw)\b/ })).toHaveCount(0);
    await expect(page.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
    await pipeline.table.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
    expect((await page.getByRole('button').allInnerTexts()).filter((b) => CHANGING_CONTROL.test(b))).toEqual([]);
    await expect(page.getByRole('button', { name: /^(Withdraw|Record|Restart)/ })).toHaveCount(0);

    await page.getByRole('button', { name: 'العربية' }).click();
    await page.goto('/visa-dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'لوحة التأشيرات' })).toBeVisible();
    await expect(page.locator('.recharts-wrapper')).toHaveCount(3);
    await page.screenshot({ path: 'test-results/visa-dashboard-supervisor-ar.png', fullPage: true });
  });
});
