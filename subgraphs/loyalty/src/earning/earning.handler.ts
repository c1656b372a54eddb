import { isUuid } from '@umrah/db-kit';
import type { EventHandler } from '@umrah/events';
import { LedgerEntryCause } from '../ledger/ledger.type';
import { accrue } from './earning.service';

const text = (payload: Record<string, unknown>, key: string): string | null =>
  typeof payload[key] === 'string' ? (payload[key] as string) : null;

/** The pilgrims subgraph's events that earn points; its other events are passed over. */
export const EARNING_EVENT_TYPES = ['PilgrimRegistered', 'VisaStatusChanged'] as const;

/**
 * Points from the pilgrims subgraph's events: a registered pilgrim earns the season's rate, an
 * issued visa its bonus. Other events are acknowledged and ignored. The inbox applies each event
 * once; the ledger's unique sources make a second application change nothing anyway.
 */
export const pilgrimsEventHandler: EventHandler = async (em, event) => {
  const companyId = text(event.payload, 'companyId');
  if (!companyId || !isUuid(companyId)) return;
  const occurredAt = new Date(event.occurredAt);
  if (event.type === 'PilgrimRegistered') {
    await accrue(em, {
      companyId,
      eventId: event.id,
      occurredAt,
      cause: LedgerEntryCause.PILGRIM_REGISTERED,
      reference: event.aggregateId,
    });
  } else if (event.type === 'VisaStatusChanged' && text(event.payload, 'toStatus') === 'ISSUED') {
    await accrue(em, {
      companyId,
      eventId: event.id,
      occurredAt,
      cause: LedgerEntryCause.VISA_ISSUED,
      reference: event.aggregateId,
    });
  }
};
