import { expect, type Locator, type Page } from '@playwright/test';

/** The groups list (`/groups`), in English. */
export class GroupsListPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/groups');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Pilgrim groups' })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('region', { name: 'Pilgrim groups' }).getByRole('table');
  }

  get newGroupButton(): Locator {
    return this.page.getByRole('button', { name: 'New group', exact: true });
  }

  /** Creates a group through the dialog (an agent also picks the company) and waits for its page. */
  async create(name: string, company?: string): Promise<GroupPage> {
    await this.newGroupButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'New pilgrim group' });
    await expect(dialog).toBeVisible();
    if (company) {
      const picker = dialog.getByRole('combobox', { name: 'Company' });
      await picker.click();
      await picker.fill(company);
      await picker.press('Enter');
      const item = dialog
        .locator('.ant-form-item')
        .filter({ has: this.page.getByRole('combobox', { name: 'Company' }) });
      await expect(item).toContainText(company);
    }
    await dialog.getByLabel('Group name').fill(name);
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await expect(dialog).toBeHidden();
    const group = new GroupPage(this.page);
    await expect(group.heading).toContainText(name);
    return group;
  }
}

/** One group's page (`/groups/:id`), in English. */
export class GroupPage {
  constructor(private readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The group number, read from the heading "Group 100001 — name". */
  async groupNumber(): Promise<string> {
    const text = (await this.heading.textContent()) ?? '';
    const match = /Group (\d{5,6})/.exec(text);
    if (!match) throw new Error(`no group number in "${text}"`);
    return match[1]!;
  }

  get registerLink(): Locator {
    return this.page.getByRole('link', { name: 'Register pilgrim into this group' });
  }

  get importLink(): Locator {
    return this.page.getByRole('link', { name: 'Import pilgrims from a file' });
  }

  get pilgrims(): Locator {
    return this.page.getByRole('region', { name: 'Pilgrims of this group' }).getByRole('table');
  }

  pilgrimRow(passportNumber: string): Locator {
    return this.pilgrims.getByRole('row').filter({ hasText: passportNumber });
  }
}

/** What the registration form asks, as in the passport. */
export interface PilgrimDetails {
  nameAr: [string, string, string, string];
  nameEn: [string, string, string, string];
  passportNumber: string;
  /** As the nationality picker lists it in English, e.g. "Pakistan". */
  nationality: string;
  sex: 'Male' | 'Female';
  dateOfBirth: string;
  passportIssuedOn: string;
  passportExpiresOn: string;
  mrz?: [string, string];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The single-pilgrim registration form (`/pilgrims/new`), in English. */
export class RegisterPilgrimPage {
  constructor(private readonly page: Page) {}

  /** A field by its whole label (antd puts the required mark `*` into the label's text). */
  field(label: string): Locator {
    return this.page.getByLabel(new RegExp(`^\\*?\\s*${escapeRegExp(label)}$`));
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Register a pilgrim' });
  }

  async fill(details: PilgrimDetails): Promise<void> {
    const parts = ['Given name', "Father's name", "Grandfather's name", 'Family name'];
    for (const [i, part] of parts.entries()) {
      await this.field(`${part} (Arabic)`).fill(details.nameAr[i]!);
      await this.field(`${part} (Latin)`).fill(details.nameEn[i]!);
    }
    await this.field('Passport number').fill(details.passportNumber);
    const nationality = this.page.getByRole('combobox', { name: 'Nationality' });
    await nationality.click();
    await nationality.fill(details.nationality);
    // antd's listbox options are not the visible items: pick the highlighted match by keyboard.
    await nationality.press('Enter');
    await expect(this.page.locator('.ant-form-item').filter({ has: nationality })).toContainText(details.nationality);
    await this.page.getByRole('radio', { name: details.sex, exact: true }).check();
    await this.field('Date of birth').fill(details.dateOfBirth);
    await this.field('Passport issue date').fill(details.passportIssuedOn);
    await this.field('Passport expiry date').fill(details.passportExpiresOn);
    if (details.mrz) {
      await this.field('MRZ line 1').fill(details.mrz[0]);
      await this.field('MRZ line 2').fill(details.mrz[1]);
    }
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Register pilgrim', exact: true }).click();
  }

  /** The message under a field, by its label. */
  fieldMessage(label: string): Locator {
    return this.page
      .locator('.ant-form-item')
      .filter({ has: this.field(label) })
      .locator('.ant-form-item-explain');
  }
}

/** ICAO 9303 check digit (7-3-1), to build a passport's MRZ lines for a test pilgrim. */
function checkDigit(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += value * [7, 3, 1][i % 3]!;
  }
  return sum % 10;
}

/** Two TD3 lines that check out for a passport (issuing state and nationality as ICAO codes). */
export function td3(p: {
  state: string;
  surname: string;
  given: string;
  passportNumber: string;
  dateOfBirth: string;
  sex: 'M' | 'F';
  expiresOn: string;
}): [string, string] {
  const pad = (text: string, length: number) => text.padEnd(length, '<').slice(0, length);
  const yymmdd = (date: string) => date.slice(2).replace(/-/g, '');
  const line1 = pad(`P<${p.state}${p.surname.replace(/ /g, '<')}<<${p.given.replace(/ /g, '<')}`, 44);
  const doc = pad(p.passportNumber, 9);
  const dob = yymmdd(p.dateOfBirth);
  const exp = yymmdd(p.expiresOn);
  const personal = pad('', 14);
  const body = `${doc}${checkDigit(doc)}${p.state}${dob}${checkDigit(dob)}${p.sex}${exp}${checkDigit(exp)}${personal}${checkDigit(personal)}`;
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, `${body}${composite}`];
}
