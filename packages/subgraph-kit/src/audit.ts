import { uuidv7 } from '@umrah/db-kit';
import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { SubgraphContext } from './context';

/** The audit table every subgraph creates in a migration: one row per mutation call, whatever its outcome. */
export const AUDIT_LOG_SQL = [
  `create table audit_log (
    id uuid primary key,
    at timestamptz not null default now(),
    actor_account_id uuid,
    actor_role text,
    operation text not null,
    target_id text,
    company_id uuid,
    reason text,
    outcome text not null,
    request_id text,
    arguments jsonb not null default '{}'::jsonb
  )`,
  `create index audit_log_company_idx on audit_log (company_id, id)`,
  `create index audit_log_target_idx on audit_log (target_id, id)`,
];

/**
 * Relays each audit row to the subgraph's outbox as an `AuditRecorded` event, in the transaction
 * that writes the row, so the companies subgraph can keep the one trail of the whole graph that
 * the ministry reads. Applied (after `OUTBOX_SQL`) by every subgraph but companies, which keeps
 * the trail itself.
 */
export const AUDIT_RELAY_SQL = [
  `create function relay_audit_entry() returns trigger language plpgsql as $$
   begin
     insert into outbox_event (id, type, aggregate_type, aggregate_id, payload, occurred_at)
     values (new.id, 'AuditRecorded', 'AuditEntry', new.id::text,
             jsonb_build_object('id', new.id, 'at', new.at, 'actorAccountId', new.actor_account_id,
                                'actorRole', new.actor_role, 'operation', new.operation, 'targetId', new.target_id,
                                'companyId', new.company_id, 'reason', new.reason, 'outcome', new.outcome,
                                'requestId', new.request_id),
             new.at);
     return new;
   end $$`,
  `create trigger audit_log_relay after insert on audit_log for each row execute function relay_audit_entry()`,
];

const SECRET_KEYS = /password|secret|token/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Text PostgreSQL cannot store (a NUL, an unpaired surrogate) is kept visible as U+FFFD, so a
// refused call with such arguments is still recorded.
// eslint-disable-next-line no-control-regex -- the NUL is what this finds
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (text: string): string => text.replace(UNSTORABLE, '\uFFFD');

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 50).map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEYS.test(k) ? '[redacted]' : redact(v),
      ]),
    );
  }
  if (typeof value !== 'string') return value;
  return storable(value.length > 500 ? `${value.slice(0, 500)}…` : value);
}

function pick(args: Record<string, unknown>, key: string): string | null {
  const input = args['input'];
  const fromInput = input && typeof input === 'object' ? (input as Record<string, unknown>)[key] : undefined;
  const value = args[key] ?? fromInput;
  return typeof value === 'string' ? storable(value.slice(0, 1000)) : null;
}

function outcomeOf(error: unknown): string {
  if (error instanceof GraphQLError && typeof error.extensions['code'] === 'string') return error.extensions['code'];
  return 'INTERNAL_SERVER_ERROR';
}

/** Writes one audit row for a mutation call, on its own unit of work; never fails the request. */
export async function recordAudit(
  context: SubgraphContext,
  operation: string,
  args: Record<string, unknown>,
  outcome: string,
  result?: unknown,
): Promise<void> {
  const resultId = result && typeof result === 'object' ? (result as { id?: unknown }).id : undefined;
  const target = pick(args, 'id') ?? pick(args, 'companyId') ?? (typeof resultId === 'string' ? resultId : null);
  const companyId = pick(args, 'companyId') ?? context.viewer?.companyId ?? null;
  try {
    await context.em
      .fork()
      .getConnection()
      .execute(
        `insert into audit_log (id, actor_account_id, actor_role, operation, target_id, company_id, reason, outcome, request_id, arguments)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          uuidv7(),
          context.viewer?.accountId ?? null,
          context.viewer?.role ?? null,
          operation,
          target,
          companyId && UUID.test(companyId) ? companyId : null,
          pick(args, 'reason'),
          outcome,
          context.requestId,
          JSON.stringify(redact(args)),
        ],
      );
  } catch (error) {
    console.error('[audit] could not record', operation, error);
  }
}

/**
 * Records every mutation: who, when, which operation, on what, why and how it ended. Runs around
 * the resolver and writes on its own unit of work, after the change. Refusals by role happen before
 * any middleware, so the auth checker records those itself (see access.ts).
 * Targets are read by convention from the arguments: `id`, `companyId`, `reason` (or the same
 * keys inside `input`), else the result's `id`.
 */
export const auditMutations: MiddlewareFn<SubgraphContext> = async ({ args, context, info }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  let outcome = 'OK';
  let result: unknown;
  try {
    result = await next();
    return result;
  } catch (error) {
    outcome = outcomeOf(error);
    throw error;
  } finally {
    await recordAudit(context, info.fieldName, args, outcome, result);
  }
};
