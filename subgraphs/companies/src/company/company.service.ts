import type { FilterQuery } from '@mikro-orm/core';
import { UniqueConstraintViolationException } from '@umrah/db-kit';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid, uuidv7 } from '@umrah/db-kit';
import {
  AppError,
  CommonErrorCode,
  Role,
  badInput,
  columnSortKey,
  findPage,
  findSortedPage,
  isMinistry,
  type Page,
  type PageArgs,
  type SortKey,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import type { LicenseRow } from '../license/license.entity';
import { LicenseEntity } from '../license/license.entity';
import { licenseStatusWhere, recordLicenseChange, today, toLicense } from '../license/license.service';
import { LicenseAction, LicenseStatus } from '../license/license.type';
import { addYears, licensingPolicyOn } from '../policy/policy.service';
import { CompanyEntity, type CompanyRow } from './company.entity';
import { CompanyErrorCode } from './company.errors';
import {
  CompanyOrderField,
  type CompanyOrder,
  type CreateCompanyInput,
  type UpdateCompanyInput,
} from './company.inputs';
import { Company, type CompanyFilter } from './company.type';

export function toCompany(row: CompanyRow): Company {
  const license = toLicense(row.license as LicenseRow, row.id);
  return Object.assign(new Company(), {
    id: row.id,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    crNumber: row.crNumber,
    city: row.city,
    contactEmail: row.contactEmail ?? null,
    contactPhone: row.contactPhone ?? null,
    serviceCenter: row.serviceCenter ?? null,
    license,
    mayOperate: license.status === LicenseStatus.ACTIVE,
    createdAt: row.createdAt,
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterWhere(filter: CompanyFilter | null | undefined): FilterQuery<CompanyRow>[] {
  const where: FilterQuery<CompanyRow>[] = [];
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > 100) throw badInput('filter.search', 'Search text must be at most 100 characters.');
    const like = `%${escapeLike(search)}%`;
    where.push({ $or: [{ nameAr: { $ilike: like } }, { nameEn: { $ilike: like } }, { crNumber: { $like: like } }] });
  }
  if (filter?.city) where.push({ city: filter.city });
  if (filter?.licenseStatus)
    where.push({ license: licenseStatusWhere(filter.licenseStatus) } as FilterQuery<CompanyRow>);
  return where;
}

// ── Sorted lists: keyset on (sort value, id) through the kit ───────────────────────────────────

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const SORT_KEYS: Record<CompanyOrderField, SortKey<CompanyRow>> = {
  [CompanyOrderField.NAME_EN]: columnSortKey<CompanyRow>('nameEn', 'text'),
  [CompanyOrderField.NAME_AR]: columnSortKey<CompanyRow>('nameAr', 'text'),
  // Exact: the column holds milliseconds only (a check constraint), as does a JavaScript Date.
  [CompanyOrderField.CREATED_AT]: columnSortKey<CompanyRow>('createdAt', 'timestamp'),
  [CompanyOrderField.LICENSE_EXPIRES_ON]: {
    orderBy: (d) => ({ license: { expiresOn: d } }),
    valueOf: (row) => (row.license as LicenseRow).expiresOn,
    compare: (op, value) => ({ license: { expiresOn: { [op]: value } } }) as FilterQuery<CompanyRow>,
    valid: (value) => DAY.test(value),
  },
};

/** The ministry lists every company; a manager's list holds only their own. */
export async function listCompanies(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter: CompanyFilter | null | undefined,
  order: CompanyOrder | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<Page<Company>> {
  const conditions = filterWhere(filter);
  if (!isMinistry(viewer)) conditions.push({ id: viewer.role === Role.COMPANY_MANAGER ? viewer.companyId : null });
  const where = (conditions.length ? { $and: conditions } : {}) as FilterQuery<CompanyRow>;
  const page = order
    ? await findSortedPage(em, CompanyEntity, where, order, SORT_KEYS, args, info)
    : await findPage(em, CompanyEntity, where as never, args, info);
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toCompany(e.node as CompanyRow) })) };
}

/**
 * Companies by id in one query. The registry entry is public to every signed-in party;
 * an anonymous caller gets nothing, exactly as if the ids did not exist.
 */
export async function companiesByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(Company | null)[]> {
  const valid = ids.filter(isUuid);
  if (!viewer || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(CompanyEntity, { id: { $in: valid } });
  const byId = new Map(rows.map((row) => [row.id, toCompany(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

// ── Registry entries: create and edit (ministry officers) ──────────────────────────────────────

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9][0-9 -]{6,19}$/;
const CR_NUMBER = /^[0-9]{10}$/;
const LICENSE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9/-]{2,39}$/;

function text(value: string, field: string, label: string, min: number, max: number): string {
  const trimmed = value.trim();
  if ([...trimmed].length < min || [...trimmed].length > max) {
    throw badInput(field, `${label} must be ${min} to ${max} characters long.`);
  }
  return trimmed;
}

type RegistryFields = Pick<
  CompanyRow,
  'nameAr' | 'nameEn' | 'crNumber' | 'city' | 'contactEmail' | 'contactPhone' | 'serviceCenter'
>;

const CHECKS: { [K in keyof RegistryFields]-?: (value: string, field: string) => string } = {
  nameAr: (v, f) => text(v, f, 'The Arabic name', 2, 200),
  nameEn: (v, f) => text(v, f, 'The English name', 2, 200),
  crNumber: (v, f) => {
    const cr = v.trim();
    if (!CR_NUMBER.test(cr)) throw badInput(f, 'The commercial registration number must be exactly 10 digits.');
    return cr;
  },
  city: (v, f) => text(v, f, 'The city', 2, 80),
  contactEmail: (v, f) => {
    const email = v.trim().toLowerCase();
    if (email.length > 254 || !EMAIL.test(email))
      throw badInput(f, 'Give a valid email address, like name@company.sa.');
    return email;
  },
  contactPhone: (v, f) => {
    const phone = v.trim().replace(/\s+/g, ' ');
    if (!PHONE.test(phone)) {
      throw badInput(f, 'Give a telephone number of 7 to 20 digits, with an optional leading +.');
    }
    return phone;
  },
  serviceCenter: (v, f) => text(v, f, 'The service centre', 2, 120),
};

/** Validates the given registry fields (null or absent ones are left out), naming the field at fault. */
function checkRegistryFields(input: Partial<Record<keyof RegistryFields, string | null>>): Partial<RegistryFields> {
  const checked: Partial<Record<keyof RegistryFields, string>> = {};
  for (const key of Object.keys(CHECKS) as (keyof RegistryFields)[]) {
    const value = input[key];
    if (value !== null && value !== undefined) checked[key] = CHECKS[key](value, `input.${key}`);
  }
  return checked;
}

const crTaken = (): AppError =>
  new AppError(CompanyErrorCode.CR_NUMBER_TAKEN, 'Another company is registered with this CR number.', {
    field: 'input.crNumber',
  });
const licenseNumberTaken = (): AppError =>
  new AppError(CompanyErrorCode.LICENSE_NUMBER_TAKEN, 'Another licence already carries this number.', {
    field: 'input.licenseNumber',
  });

/** A unique key lost to a concurrent write reads like the check that would have caught it. */
function uniqueViolation(error: unknown): AppError | null {
  if (!(error instanceof UniqueConstraintViolationException)) return null;
  if (error.message.includes('cr_number')) return crTaken();
  if (error.message.includes('license_number')) return licenseNumberTaken();
  return null;
}

/** Registers a company with its licence (issued today by default, running the policy's licence years). */
export async function createCompany(em: EntityManager, viewer: Viewer, input: CreateCompanyInput): Promise<Company> {
  const fields = checkRegistryFields(input) as RegistryFields;
  const number = input.licenseNumber.trim();
  if (!LICENSE_NUMBER.test(number)) {
    throw badInput('input.licenseNumber', 'The licence number must be 3 to 40 letters, digits, - or /.');
  }
  const issuedOn = input.issuedOn ?? today();
  if (issuedOn > today()) throw badInput('input.issuedOn', 'The issue date cannot be in the future.');
  if (await em.count(CompanyEntity, { crNumber: fields.crNumber })) throw crTaken();
  if (await em.count(LicenseEntity, { number })) throw licenseNumberTaken();
  const policy = await licensingPolicyOn(em);
  try {
    const row = await em.transactional(async (tx) => {
      const license = tx.create(LicenseEntity, {
        id: uuidv7(),
        number,
        status: LicenseStatus.ACTIVE,
        issuedOn,
        expiresOn: addYears(issuedOn, policy.licenseYears),
        suspendedUntil: null,
      });
      const company = tx.create(CompanyEntity, { id: uuidv7(), ...fields, license });
      // The history row refers to both by plain id columns: write them first.
      await tx.flush();
      recordLicenseChange(tx, {
        license,
        companyId: company.id,
        from: null,
        action: LicenseAction.ISSUE,
        reason: `Licence ${number} issued on ${issuedOn} for ${policy.licenseYears} years`,
        actorAccountId: viewer.accountId,
      });
      return company;
    });
    return toCompany(row);
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

/** Edits a registry entry; the CR number stays unique. */
export async function updateCompany(em: EntityManager, id: string, input: UpdateCompanyInput): Promise<Company> {
  const fields = checkRegistryFields(input);
  const row = isUuid(id) ? await em.findOne(CompanyEntity, { id }) : null;
  if (!row) throw new AppError(CommonErrorCode.NOT_FOUND, 'There is no company with this id.', { field: 'id' });
  if (fields.crNumber && fields.crNumber !== row.crNumber) {
    if (await em.count(CompanyEntity, { crNumber: fields.crNumber, id: { $ne: id } })) throw crTaken();
  }
  em.assign(row, fields);
  try {
    await em.flush();
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
  return toCompany(row);
}
