import { isUuid } from '@umrah/db-kit';
import { payloadText, setBasedHandler, type FeedEvent } from '@umrah/events';
import { LedgerEntryCause } from '../ledger/ledger.type';
import { accrueAll, type Accrual } from './earning.service';

/** The pilgrims subgraph's events that earn points; its other events are passed over. */
export const EARNING_EVENT_TYPES = ['PilgrimRegistered', 'VisaStatusChanged'] as const;

/** What an event earns for, when it earns: a registered pilgrim, or a visa issued. */
function accrualOf(event: FeedEvent): Accrual[] {
  const companyId = payloadText(event.payload, 'companyId');
  if (!companyId || !isUuid(companyId)) return [];
  const issued = event.type === 'VisaStatusChanged' && payloadText(event.payload, 'toStatus') === 'ISSUED';
  if (event.type !== 'PilgrimRegistered' && !issued) return [];
  return [
    {
      companyId,
      eventId: event.id,
      occurredAt: new Date(event.occurredAt),
      cause: issued ? LedgerEntryCause.VISA_ISSUED : LedgerEntryCause.PILGRIM_REGISTERED,
      reference: event.aggregateId,
    },
  ];
}

/**
 * Points from the pilgrims subgraph's events: a registered pilgrim earns the season's rate, an
 * issued visa its bonus. Other events are acknowledged and ignored. A consumer hands it a whole
 * chunk of events, earned in a few statements (`accrueAll`). The inbox applies each event once;
 * the ledger's unique sources make a second application change nothing anyway.
 */
export const pilgrimsEventHandler = setBasedHandler(async (em, events) => {
  await accrueAll(em, events.flatMap(accrualOf));
});
