import { expect, test } from '@playwright/test';
import { AuditLogPage, refusedCall } from './pages/audit';
import { accounts, signInAs, switchToEnglish } from './pages/session';

test.describe('the ministry audit log of the whole graph', () => {
  test('a supervisor reads every call, filters to refused ones, in English and Arabic', async ({ page, request }) => {
    test.setTimeout(120_000);
    await signInAs(page, accounts.supervisor);
    await switchToEnglish(page);
    // A call of the packages subgraph, refused: it reaches the log through that subgraph's events.
    const targetId = await refusedCall(page, request);
    const audit = new AuditLogPage(page);
    await audit.open();
    const entry = await audit.waitForEntry(targetId);
    await expect(audit.operationIn(entry)).toHaveText('cureViolation');
    await expect(entry).toContainText('Packages & compliance');
    await expect(entry).toContainText('Ministry supervisor');
    await expect(entry).not.toContainText('Succeeded');
    await expect(entry.locator('code').filter({ hasText: /^(FORBIDDEN|NOT_FOUND)$/ })).toBeVisible();

    // Refused calls only: every listed outcome is a refusal, and the supervisor's attempt is one.
    await audit.refusedOnly.click();
    await expect(audit.refusedOnly).toBeChecked();
    await expect(audit.row(targetId)).toBeVisible();
    await expect.poll(async () => (await audit.outcomes()).filter((o) => o.startsWith('Succeeded'))).toEqual([]);
    // One operation by name.
    await audit.operation.fill('cureViolation');
    await expect.poll(async () => [...new Set(await audit.operations())]).toEqual(['cureViolation']);
    await expect(audit.row(targetId)).toBeVisible();
    await audit.operation.clear();
    await expect(page.getByText(/^Showing \d+ of \d+$/)).toBeVisible();
    await page.screenshot({ path: 'test-results/audit-log-en.png', fullPage: true });

    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'سجل التدقيق' })).toBeVisible();
    await expect(page.getByRole('switch', { name: 'العمليات المرفوضة فقط' })).toBeChecked();
    await expect(audit.row(targetId)).toContainText('الحزم والالتزام');
    await page.screenshot({ path: 'test-results/audit-log-ar.png', fullPage: true });
  });

  test('a company manager has no audit log: not in the menu, and /audit sends them home', async ({ page }) => {
    await signInAs(page, accounts.managerSafwa);
    await switchToEnglish(page);
    const audit = new AuditLogPage(page);
    await expect(page.getByRole('navigation').getByRole('link').first()).toBeVisible();
    await expect(audit.navLink).toHaveCount(0);
    await page.goto('/audit');
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toHaveCount(0);
  });
});
