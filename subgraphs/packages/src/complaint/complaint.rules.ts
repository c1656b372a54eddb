/** What a complaint is about; each category has its own SLA in the compliance policy. */
export enum ComplaintCategory {
  ACCOMMODATION = 'ACCOMMODATION',
  TRANSPORT = 'TRANSPORT',
  CATERING = 'CATERING',
  ENRICHMENT = 'ENRICHMENT',
  HEALTH_AND_SAFETY = 'HEALTH_AND_SAFETY',
  SERVICE_QUALITY = 'SERVICE_QUALITY',
  FINANCIAL = 'FINANCIAL',
  VISA_AND_DOCUMENTS = 'VISA_AND_DOCUMENTS',
  OTHER = 'OTHER',
}

export const COMPLAINT_CATEGORIES = Object.values(ComplaintCategory);

/**
 * The first policy version's SLA hours: a pilgrim without a bed, a bus or a meal cannot wait two
 * days; a refund can. The ministry changes them as policy (`updateCompliancePolicy`).
 */
export const DEFAULT_SLA_HOURS: Record<ComplaintCategory, number> = {
  ACCOMMODATION: 24,
  TRANSPORT: 24,
  CATERING: 24,
  ENRICHMENT: 72,
  HEALTH_AND_SAFETY: 6,
  SERVICE_QUALITY: 48,
  FINANCIAL: 120,
  VISA_AND_DOCUMENTS: 72,
  OTHER: 72,
};

export const MAX_SLA_HOURS = 720;

export enum ComplaintStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  ESCALATED = 'ESCALATED',
}

/** Who took the complaint: the ministry's hotline (an officer), a company or an external agent. */
export enum ComplaintChannel {
  MINISTRY_HOTLINE = 'MINISTRY_HOTLINE',
  COMPANY = 'COMPANY',
  AGENT = 'AGENT',
}

const HOUR_MS = 3_600_000;

/** When the SLA of a complaint filed at `filedAt` runs out. */
export const slaDueAt = (filedAt: Date, slaHours: number): Date => new Date(filedAt.getTime() + slaHours * HOUR_MS);

/** Whether a complaint missed its SLA: counted once it was, or still unresolved past its due time. */
export function isSlaBreached(
  complaint: { status: string; slaDueAt: Date; slaBreachedAt?: Date | null },
  now: Date = new Date(),
): boolean {
  if (complaint.slaBreachedAt) return true;
  return complaint.status !== ComplaintStatus.RESOLVED && now.getTime() > complaint.slaDueAt.getTime();
}
