import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** A submitted application as the API lists it to the signed-in manager. */
export interface SubmittedApplication {
  id: string;
  pilgrimNameEn: string;
  /** The pilgrim's live booking, if the manager may see one. */
  bookingStatus: string | null;
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string }[];
}

/**
 * The signed-in user's own calls to the API, with the token the app keeps in sessionStorage: the
 * test finds its data the way an integrator would, then acts in the UI.
 */
export async function callApi<T>(page: Page, request: APIRequestContext, query: string, variables = {}): Promise<T> {
  const token = await page.evaluate(() => sessionStorage.getItem('umrah.accessToken'));
  expect(token, 'signed in').toBeTruthy();
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: { query, variables },
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as GraphQLResponse<T>;
  expect(body.errors ?? []).toEqual([]);
  return body.data as T;
}

/** The manager's submitted applications, those whose pilgrim has a confirmed booking first. */
export async function submittedApplications(page: Page, request: APIRequestContext): Promise<SubmittedApplication[]> {
  const data = await callApi<{
    visaApplications: {
      edges: { node: { id: string; pilgrim: { fullNameEn: string; booking: { status: string } | null } } }[];
    };
  }>(
    page,
    request,
    `query { visaApplications(first: 100, filter: { statuses: [SUBMITTED] }) {
      edges { node { id pilgrim { fullNameEn booking { status } } } } } }`,
  );
  const rows = data.visaApplications.edges.map(({ node }) => ({
    id: node.id,
    pilgrimNameEn: node.pilgrim.fullNameEn,
    bookingStatus: node.pilgrim.booking?.status ?? null,
  }));
  const confirmed = (row: SubmittedApplication) => (row.bookingStatus === 'CONFIRMED' ? 0 : 1);
  return rows.sort((a, b) => confirmed(a) - confirmed(b));
}

/** The visa pipeline (`/visas`), in English. */
export class VisaPipelinePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/visas');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Visa applications' })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('region', { name: 'Visa applications' }).getByRole('table');
  }

  /** The status overview's toggle for one status, e.g. "Submitted". */
  statusToggle(status: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${status} \\d+$`) });
  }

  row(pilgrimNameEn: string): Locator {
    return this.table.getByRole('row').filter({ hasText: pilgrimNameEn });
  }

  /** Approves from the list, through the confirmation. */
  async approve(pilgrimNameEn: string): Promise<void> {
    await this.row(pilgrimNameEn)
      .getByRole('button', { name: /^Approve/ })
      .click();
    await this.page.getByRole('tooltip').getByRole('button', { name: 'Approve', exact: true }).click();
  }

  refusal(pilgrimNameEn: string): Locator {
    return this.page
      .getByRole('alert')
      .filter({ hasText: `The visa application of ${pilgrimNameEn} was not approved` });
  }
}

/** One application's page (`/visas/:id`), in English. */
export class VisaApplicationPage {
  constructor(private readonly page: Page) {}

  async open(id: string): Promise<void> {
    await this.page.goto(`/visas/${id}`);
    await expect(this.page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
  }

  /** The live "Status: …" line of the progress card. */
  get status(): Locator {
    return this.page.getByText(/^Status: /);
  }

  /** The value beside a label of the application's facts, e.g. "MOFA reference". */
  fact(label: string): Locator {
    return this.page
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: 'Application', exact: true }) })
      .locator('th', { hasText: label })
      .locator('xpath=following-sibling::td[1]');
  }

  get timeline(): Locator {
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { level: 2, name: 'Timeline' }) });
  }

  /** Approves through the confirmation; the page then follows payment and MOFA. */
  async approve(): Promise<void> {
    await this.page.getByRole('button', { name: 'Approve', exact: true }).click();
    await this.page.getByRole('tooltip').getByRole('button', { name: 'Approve', exact: true }).click();
  }

  get refusal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /was not approved/ });
  }
}

/** The visa dashboard (`/visa-dashboard`), in English. */
export class VisaDashboardPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/visa-dashboard');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Visa dashboard' })).toBeVisible();
  }

  section(title: string): Locator {
    return this.page
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: title, exact: true }) });
  }

  /** The big number under a heading, e.g. "In the Kingdom now". */
  bigNumber(title: string): Locator {
    return this.section(title).locator('.big-number');
  }
}
