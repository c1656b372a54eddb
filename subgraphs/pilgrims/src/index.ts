import { OutboxEventEntity, eventFeedHandler } from '@umrah/events';
import { defineSubgraph, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { packagesEventHandler } from './booking/booking.handler';
import { seedPilgrimsDemo } from './demo-seed';
import { PilgrimGroupEntity } from './group/group.entity';
import { migrations } from './migrations/index';
import { PilgrimEntity } from './pilgrim/pilgrim.entity';
import { IdempotencyKeyEntity } from './registration/idempotency.entity';
import { buildPilgrimsSchema } from './schema';
import { CompanyVisaQuotaEntity, SeasonEntity, SeasonPolicyVersionEntity } from './season/season.entity';
import { companiesEventHandler } from './standing/standing.handler';
import { adaptersFrom, visaEnv } from './visa/adapters/config';
import { VisaApplicationEntity, VisaStatusChangeEntity } from './visa/visa.entity';
import { visaHousekeeping } from './visa/visa.jobs';
import { visaProcessor } from './visa/visa.processor';
import { WebhookAttemptEntity, WebhookDeliveryEntity, WebhookSubscriptionEntity } from './webhook/webhook.entity';
import { WEBHOOK_FAN_OUT, webhookWorkers } from './webhook/webhook.worker';

export { PilgrimEntity, VisaApplicationEntity, VisaStatusChangeEntity };

export const pilgrimsSubgraph: SubgraphDefinition = defineSubgraph({
  name: 'pilgrims',
  defaultPort: 4002,
  entities: [
    PilgrimEntity,
    VisaApplicationEntity,
    VisaStatusChangeEntity,
    SeasonEntity,
    SeasonPolicyVersionEntity,
    CompanyVisaQuotaEntity,
    PilgrimGroupEntity,
    IdempotencyKeyEntity,
    OutboxEventEntity,
    WebhookSubscriptionEntity,
    WebhookDeliveryEntity,
    WebhookAttemptEntity,
  ],
  migrations,
  buildSchema: buildPilgrimsSchema,
  seedDemo: seedPilgrimsDemo,
  consumers: [
    { source: 'companies', handler: companiesEventHandler },
    {
      source: 'packages',
      handler: packagesEventHandler,
      types: ['BookingConfirmed', 'BookingCancelled', 'BookingExpired'],
    },
  ],
  workers: (runtime, wake) => {
    const env = visaEnv();
    // A status change is an event for webhooks: fan it out now rather than at the next poll.
    const fanOut = () => wake(WEBHOOK_FAN_OUT);
    return [
      visaProcessor(runtime.db, {
        adapters: adaptersFrom(env),
        retry: { baseMs: env.VISA_RETRY_BASE_MS, maxMs: env.VISA_RETRY_MAX_MS },
        onChange: fanOut,
      }),
      visaHousekeeping(runtime.db, fanOut),
      ...webhookWorkers(runtime),
    ];
  },
  context: (_runtime, workers) => () => ({ workers }),
  privateRoutes: (runtime) => (app) => {
    app.get('/events', eventFeedHandler(runtime.db));
  },
});
export { agentMayActFor, companiesMayOperate } from './standing/standing.service';
export { confirmedBookingsOf } from './booking/booking.service';
export type { PilgrimBooking } from './booking/booking.service';
export { policyInForce, quotasInForce } from './season/season.service';
