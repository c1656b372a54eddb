import { expect, test } from '@playwright/test';
import { CompanyPage } from './pages/company';
import { accounts, CHANGING_CONTROL, signInAs, switchToEnglish } from './pages/session';

test.describe('licence decisions on the company page', () => {
  test('an officer suspends a licence with a reason, and the history shows who, when, what and why', async ({
    page,
  }) => {
    const reason = `Field inspection found unlicensed sub-agents (e2e ${Date.now()})`;
    await signInAs(page, accounts.officer);
    await switchToEnglish(page);
    const company = new CompanyPage(page);
    await company.openFromList('Al-Safwa Umrah Company');
    await expect(company.licenseCard.getByText('Active').first()).toBeVisible();
    // Only the decisions valid for an active licence are offered.
    await expect(company.licenseAction('Reinstate licence')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/officer-company-en.png', fullPage: true });

    await company.licenseAction('Suspend licence').click();
    const dialog = page.getByRole('dialog', { name: 'Suspend licence' });
    // The reason is mandatory: reviewing without one is refused in the dialog.
    await dialog.getByRole('button', { name: 'Review' }).click();
    await expect(dialog.getByText('Write the reason for this decision.')).toBeVisible();
    await expect(dialog.getByLabel('Cure period ends on')).not.toHaveValue('');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Review' }).click();
    await expect(dialog.getByText('Suspend the licence of Al-Safwa Umrah Company?')).toBeVisible();
    await page.screenshot({ path: 'test-results/officer-suspend-confirm-en.png' });
    await dialog.getByRole('button', { name: 'Confirm: Suspend licence' }).click();
    await expect(dialog).toBeHidden();

    const latest = company.history.getByRole('article').first();
    await expect(latest.getByRole('heading', { name: /Licence suspended/ })).toBeVisible();
    await expect(latest.getByText(reason)).toBeVisible();
    await expect(latest.getByText(/Ministry officer/)).toBeVisible();
    await expect(company.licenseAction('Reinstate licence')).toBeVisible();
    await expect(company.licenseAction('Suspend licence')).toHaveCount(0);
    // The audit trail records the same decision with the same reason.
    await expect(page.getByRole('region', { name: 'Audit trail' }).getByText(reason)).toBeVisible();
    await page.screenshot({ path: 'test-results/officer-company-suspended-en.png', fullPage: true });

    // Put the company back as the other tests expect it: reinstate, also recorded in the history.
    await company.decide('Reinstate licence', 'Cure completed: sub-agents removed (e2e)');
    await expect(
      company.history
        .getByRole('article')
        .first()
        .getByRole('heading', { name: /Licence reinstated/ }),
    ).toBeVisible();
  });

  test('a refused transition reads as a sentence, not a code', async ({ page, browser }) => {
    await signInAs(page, accounts.officer);
    await switchToEnglish(page);
    const company = new CompanyPage(page);
    await company.openFromList('Noor Al-Haramain');
    // Another officer suspends the licence first; this page still offers "Suspend".
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signInAs(other, accounts.officer);
    await switchToEnglish(other);
    const second = new CompanyPage(other);
    await second.openFromList('Noor Al-Haramain');
    await second.decide('Suspend licence', 'Complaints about transport (e2e, other officer)');
    await otherContext.close();

    await company.licenseAction('Suspend licence').click();
    const dialog = page.getByRole('dialog', { name: 'Suspend licence' });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Same complaints (e2e, second tab)');
    await dialog.getByRole('button', { name: 'Review' }).click();
    await dialog.getByRole('button', { name: 'Confirm: Suspend licence' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'The change was not made' })).toContainText(
      "The licence's current status does not allow this action.",
    );
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await company.decide('Reinstate licence', 'Complaints answered (e2e)');
  });

  test('a supervisor reads the company page without any control that changes data', async ({ page }) => {
    await signInAs(page, accounts.supervisor);
    await switchToEnglish(page);
    const company = new CompanyPage(page);
    await company.openFromList('Bayt Al-Diyafa Umrah');
    await expect(company.history.getByRole('article').first()).toBeVisible();
    await expect(page.getByText('Read-only').first()).toBeVisible();
    const buttons = await page.getByRole('button').allInnerTexts();
    expect(buttons.filter((b) => CHANGING_CONTROL.test(b))).toEqual([]);
    await page.screenshot({ path: 'test-results/supervisor-company-en.png', fullPage: true });
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'سجل الترخيص' })).toBeVisible();
    await page.screenshot({ path: 'test-results/supervisor-company-ar.png', fullPage: true });
  });
});
