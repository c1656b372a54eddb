import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/**
 * Makes a call the API refuses: a supervisor may not cure a violation (and this one does not
 * exist). The packages subgraph records the attempt and hands it to the ministry's log, which
 * shows it within a second or two. Returns the id the call named, to find its entry by.
 */
export async function refusedCall(page: Page, request: APIRequestContext): Promise<string> {
  const token = await page.evaluate(() => sessionStorage.getItem('umrah.accessToken'));
  expect(token, 'signed in').toBeTruthy();
  const targetId = randomUUID();
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: {
      query: 'mutation($id: ID!) { cureViolation(id: $id, note: "Audit log browser check") { id } }',
      variables: { id: targetId },
    },
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.[0]?.extensions?.code, 'the call is refused').toBeTruthy();
  return targetId;
}

/** The ministry's audit log (`/audit`), in English unless said otherwise. */
export class AuditLogPage {
  constructor(private readonly page: Page) {}

  get navLink(): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name: /^(Audit log|سجل التدقيق)$/ });
  }

  async open(): Promise<void> {
    await this.navLink.click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('region', { name: /^(Audit log|سجل التدقيق)$/ }).getByRole('table');
  }

  /** Data rows, without the header or the "no data" row. */
  get rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  get refusedOnly(): Locator {
    return this.page.getByRole('switch', { name: 'Refused calls only' });
  }

  get operation(): Locator {
    return this.page.getByRole('textbox', { name: 'Operation' });
  }

  /** Reloads until the entry naming `targetId` is listed: other parts of the graph report within seconds. */
  async waitForEntry(targetId: string): Promise<Locator> {
    const row = this.row(targetId);
    await expect(async () => {
      await this.page.reload();
      await expect(this.rows.first()).toBeVisible();
      await expect(row).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    return row;
  }

  /** The operation named in a row, or in every listed row (its cell also names the target). */
  operationIn(row?: Locator): Locator {
    return (row ?? this.rows).locator('td:nth-child(3) .two-line > code');
  }

  async operations(): Promise<string[]> {
    return this.operationIn().allInnerTexts();
  }

  /** The outcome cell of every listed row. */
  async outcomes(): Promise<string[]> {
    const cells = this.rows.locator('td:last-child');
    return (await cells.allInnerTexts()).map((text) => text.trim());
  }
}
