import { defineEntity, p } from '@umrah/db-kit';

/** A caller's idempotency key for an operation and what the first call produced. */
export const IdempotencyKeyEntity = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_key',
  properties: {
    actor: p.uuid().primary(),
    operation: p.string().primary(),
    key: p.string().primary(),
    resultId: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
