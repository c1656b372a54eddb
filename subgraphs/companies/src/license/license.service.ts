import type { LicenseRow } from './license.entity';
import { License, LicenseStatus } from './license.type';

export const today = (): string => new Date().toISOString().slice(0, 10);

/** A licence past its expiry reads as EXPIRED without anyone acting; a revocation stays a revocation. */
export function effectiveStatus(row: Pick<LicenseRow, 'status' | 'expiresOn'>, on: string = today()): LicenseStatus {
  if (row.status === LicenseStatus.REVOKED) return LicenseStatus.REVOKED;
  if (row.expiresOn < on) return LicenseStatus.EXPIRED;
  return row.status as LicenseStatus;
}

/** The stored-column condition matching an effective status, for filters that run in SQL. */
export function licenseStatusWhere(status: LicenseStatus, on: string = today()): Record<string, unknown> {
  switch (status) {
    case LicenseStatus.REVOKED:
      return { status: 'REVOKED' };
    case LicenseStatus.EXPIRED:
      return { status: { $ne: 'REVOKED' }, expiresOn: { $lt: on } };
    default:
      return { status, expiresOn: { $gte: on } };
  }
}

export function toLicense(row: LicenseRow): License {
  return Object.assign(new License(), {
    id: row.id,
    number: row.number,
    status: effectiveStatus(row),
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    suspendedUntil: row.suspendedUntil ?? null,
  });
}
