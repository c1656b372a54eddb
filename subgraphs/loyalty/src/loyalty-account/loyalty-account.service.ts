import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid, uuidv7 } from '@umrah/db-kit';
import {
  Role,
  canSeeCompanyData,
  findPage,
  isMinistry,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { companyRef } from '../company/company.type';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { LoyaltyAccountEntity, type LoyaltyAccountRow } from './loyalty-account.entity';
import { LoyaltyAccount } from './loyalty-account.type';
import { tierFor, type LoyaltyTier } from './tier';

export function toLoyaltyAccount(row: LoyaltyAccountRow): LoyaltyAccount {
  return Object.assign(new LoyaltyAccount(), {
    id: row.id,
    balance: row.balance,
    tier: row.tier as LoyaltyTier,
    company: companyRef(row.companyId),
  });
}

/** The ministry reads every account; a manager only their own company's; anyone else nothing. */
export function accountSlice(viewer: Viewer | null): FilterQuery<LoyaltyAccountRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  return null;
}

export async function listAccounts(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<LoyaltyAccount>> {
  const where = accountSlice(viewer) ?? { id: null };
  const page = await findPage(em, LoyaltyAccountEntity, where as never, args, info);
  return {
    ...page,
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: toLoyaltyAccount(e.node as LoyaltyAccountRow) })),
  };
}

/** Accounts by id in one query; null where missing or outside the viewer's slice. */
export async function accountsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(LoyaltyAccount | null)[]> {
  const slice = accountSlice(viewer);
  const valid = ids.filter(isUuid);
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(LoyaltyAccountEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toLoyaltyAccount(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * The accounts of many companies in one query. Null for a company outside the viewer's slice and
 * for a company that has no account.
 */
export async function accountsOfCompanies(
  em: EntityManager,
  viewer: Viewer | null,
  companyIds: readonly string[],
): Promise<(LoyaltyAccount | null)[]> {
  const visible = [...new Set(companyIds.filter((id) => isUuid(id) && canSeeCompanyData(viewer, id)))];
  if (visible.length === 0) return companyIds.map(() => null);
  const rows = await em.find(LoyaltyAccountEntity, { companyId: { $in: visible } });
  const byCompany = new Map(rows.map((row) => [row.companyId, toLoyaltyAccount(row)]));
  return companyIds.map((id) => byCompany.get(id) ?? null);
}

export interface OpenAccountInput {
  companyId: string;
  /** Points the company brings into the programme; recorded as one EARN ledger entry. */
  openingBalance: number;
  /** What the opening points are for; unique per account, so opening twice is refused. */
  source: string;
  id?: string;
  entryId?: string;
}

/** Opens a company's account so that its balance is, from the first moment, the sum of its ledger. */
export async function openAccount(em: EntityManager, input: OpenAccountInput): Promise<LoyaltyAccount> {
  const account = em.create(LoyaltyAccountEntity, {
    id: input.id ?? uuidv7(),
    companyId: input.companyId,
    balance: input.openingBalance,
    tier: tierFor(input.openingBalance),
  });
  if (input.openingBalance !== 0) {
    em.create(LedgerEntryEntity, {
      id: input.entryId ?? uuidv7(),
      account,
      kind: 'EARN',
      points: input.openingBalance,
      balanceAfter: input.openingBalance,
      source: input.source,
    });
  }
  await em.flush();
  return toLoyaltyAccount(account);
}
