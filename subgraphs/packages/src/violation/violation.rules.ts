/** The kinds of violation the ministry records; OVERSTAY comes only from the pilgrims subgraph's detection. */
export enum ViolationType {
  OVERSTAY = 'OVERSTAY',
  HOUSING_NOT_AS_SOLD = 'HOUSING_NOT_AS_SOLD',
  NO_TRANSPORT = 'NO_TRANSPORT',
  UNLICENSED_HOUSING = 'UNLICENSED_HOUSING',
  CATERING_NOT_AS_SOLD = 'CATERING_NOT_AS_SOLD',
  SERVICE_NOT_DELIVERED = 'SERVICE_NOT_DELIVERED',
  UNLICENSED_OPERATION = 'UNLICENSED_OPERATION',
  COMPLAINT_UPHELD = 'COMPLAINT_UPHELD',
  OTHER = 'OTHER',
}

export const VIOLATION_TYPES = Object.values(ViolationType);

/**
 * OPEN: recorded, fine owed, cure period running. CURED: an officer confirmed the breach was put
 * right (the fine stays owed). ESCALATED: not cured by the end of the cure period; handed to
 * licence action (suspension or cancellation is decided in the companies subgraph). CANCELLED:
 * recorded in error or overturned; nothing is owed and it no longer counts.
 */
export enum ViolationStatus {
  OPEN = 'OPEN',
  CURED = 'CURED',
  ESCALATED = 'ESCALATED',
  CANCELLED = 'CANCELLED',
}

export enum ViolationSource {
  OVERSTAY_DETECTION = 'OVERSTAY_DETECTION',
  INSPECTION = 'INSPECTION',
  OFFICER = 'OFFICER',
}

/** The statutory ceiling of one fine: SAR 50,000 (the database checks it too). */
export const MAX_FINE_HALALAS = 5_000_000;

/** Days a violation gives the party to put things right before escalation (policy version 1). */
export const DEFAULT_CURE_PERIOD_DAYS = 30;

/** How grave each type is, before its fine: unlicensed activity worst, a service shortfall least. */
export const TYPE_POINTS: Record<ViolationType, number> = {
  OVERSTAY: 5,
  HOUSING_NOT_AS_SOLD: 6,
  NO_TRANSPORT: 6,
  UNLICENSED_HOUSING: 10,
  CATERING_NOT_AS_SOLD: 4,
  SERVICE_NOT_DELIVERED: 4,
  UNLICENSED_OPERATION: 10,
  COMPLAINT_UPHELD: 3,
  OTHER: 3,
};

/** One point per SAR 5,000 of fine. */
export const HALALAS_PER_FINE_POINT = 500_000;

/**
 * A violation's weight in the compliance score: its type's points plus one per SAR 5,000 of fine
 * (an overstay at SAR 25,000: 5 + 5 = 10; unlicensed housing at SAR 50,000: 10 + 10 = 20).
 * Stored on the violation when recorded, so lifting it later removes exactly what it added.
 */
export const violationPoints = (type: ViolationType, fineHalalas: number): number =>
  TYPE_POINTS[type] + Math.floor(fineHalalas / HALALAS_PER_FINE_POINT);
