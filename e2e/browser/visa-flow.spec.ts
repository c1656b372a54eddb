import { expect, test } from '@playwright/test';
import { accounts, CHANGING_CONTROL, signInAs, switchToEnglish } from './pages/session';
import { submittedApplications, VisaApplicationPage, VisaDashboardPage, VisaPipelinePage } from './pages/visas';

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
