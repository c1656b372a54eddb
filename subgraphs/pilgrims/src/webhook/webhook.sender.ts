import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { uuidv7, type Database } from '@umrah/db-kit';
import type { WebhookConfig } from './webhook.config';
import { deliveryBody } from './webhook.payload';
import { openSecret, signatureHeader } from './webhook.signature';
import { checkWebhookUrl, guardedLookup } from './webhook.url';

const BATCH = 20;
/** How long a claimed delivery stays invisible to other senders beyond the request timeout. */
const LEASE_MARGIN_MS = 60_000;
const MAX_ERROR_LENGTH = 500;

export interface SenderOptions {
  db: Database;
  config: WebhookConfig;
  /** The clock; tests move it forward instead of waiting out the backoff. */
  now?: () => Date;
  /** A number in [0, 1) for the jitter; tests fix it. */
  random?: () => number;
}

/** Delay before attempt `failed + 1` after `failed` failures: base × 2^(failed−1), capped, ±20 % jitter. */
export function retryDelayMs(failed: number, config: WebhookConfig, random: () => number = Math.random): number {
  const exponential = Math.min(config.retryBaseMs * 2 ** Math.max(failed - 1, 0), config.retryCapMs);
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

interface Claimed {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  occurred_at: Date | string;
  payload: Record<string, unknown> | string;
  attempt_count: number;
  attempt_limit: number;
  url: string;
  secret_ciphertext: string;
}

interface Outcome {
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** One POST, with no redirects followed, a hard timeout, and internal addresses refused at connect. */
function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  config: WebhookConfig,
): Promise<Omit<Outcome, 'durationMs'>> {
  const checked = checkWebhookUrl(url, config.allowInsecureUrls);
  if ('refusal' in checked) return Promise.resolve({ httpStatus: null, error: `URL refused: ${checked.refusal}` });
  const target = new URL(checked.url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<Outcome, 'durationMs'>): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(config.allowInsecureUrls) as never,
        agent: false,
        signal: AbortSignal.timeout(config.timeoutMs),
      },
      (res) => {
        // Only the status matters: the answer is taken at its headers and the body is not read,
        // so a slow or endless body cannot hold the sender.
        const code = res.statusCode ?? 0;
        finish(
          code >= 100 && code <= 599
            ? { httpStatus: code, error: null }
            : { httpStatus: null, error: `answered with the invalid HTTP status ${code}` },
        );
        res.destroy();
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? `no answer within ${config.timeoutMs} ms`
          : `${error.code ? `${error.code}: ` : ''}${error.message}`;
      finish({ httpStatus: null, error: reason.slice(0, MAX_ERROR_LENGTH) });
    });
    req.end(body);
  });
}

/**
 * Sends due webhook deliveries. A pass claims a batch (`for update skip locked`, so concurrent
 * senders never take the same row) by moving its due time past the request timeout — a lease:
 * if this process dies mid-request the delivery becomes due again. Each result is then written
 * with a conditional update, and the attempt logged, in one transaction.
 */
export function createWebhookSender(options: SenderOptions): { runOnce(): Promise<number> } {
  const { db, config } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;

  const claim = async (): Promise<Claimed[]> => {
    const at = now();
    const leaseUntil = new Date(at.getTime() + config.timeoutMs + LEASE_MARGIN_MS);
    return db
      .fork()
      .getConnection()
      .execute<Claimed[]>(
        `update webhook_delivery d set next_attempt_at = ?
         from webhook_subscription s
        where s.id = d.subscription_id
          and d.id in (
            select d2.id from webhook_delivery d2
              join webhook_subscription s2 on s2.id = d2.subscription_id
             where d2.status = 'PENDING' and d2.next_attempt_at <= ? and s2.active
             order by d2.next_attempt_at
             limit ?
             for update of d2 skip locked)
        returning d.id, d.subscription_id, d.event_id, d.event_type, d.occurred_at, d.payload,
                  d.attempt_count, d.attempt_limit, s.url, s.secret_ciphertext`,
        [leaseUntil, at, BATCH],
      );
  };

  const record = async (delivery: Claimed, attemptedAt: Date, outcome: Outcome): Promise<void> => {
    const attempt = delivery.attempt_count + 1;
    const succeeded = outcome.httpStatus !== null && outcome.httpStatus >= 200 && outcome.httpStatus < 300;
    const finished = now();
    const status = succeeded ? 'DELIVERED' : attempt >= delivery.attempt_limit ? 'FAILED' : 'PENDING';
    const next = status === 'PENDING' ? new Date(finished.getTime() + retryDelayMs(attempt, config, random)) : null;
    await db.fork().transactional(async (em) => {
      const connection = em.getConnection();
      const transaction = em.getTransactionContext();
      // Written only if nobody else recorded this attempt (a lease that ran out) or deleted the row.
      const updated = await connection.execute<{ id: string }[]>(
        `update webhook_delivery
            set status = ?, attempt_count = ?, next_attempt_at = ?, last_attempt_at = ?, last_http_status = ?,
                last_error = ?, delivered_at = ?
          where id = ? and status = 'PENDING' and attempt_count = ?
          returning id`,
        [
          status,
          attempt,
          next,
          attemptedAt,
          outcome.httpStatus,
          outcome.error,
          succeeded ? finished : null,
          delivery.id,
          delivery.attempt_count,
        ],
        'all',
        transaction,
      );
      if (updated.length === 0) return;
      await connection.execute(
        `insert into webhook_attempt (id, delivery_id, attempt_number, attempted_at, duration_ms, http_status, error, succeeded)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
        [uuidv7(), delivery.id, attempt, attemptedAt, outcome.durationMs, outcome.httpStatus, outcome.error, succeeded],
        'run',
        transaction,
      );
    });
  };

  const deliver = async (delivery: Claimed): Promise<void> => {
    const payload = typeof delivery.payload === 'string' ? JSON.parse(delivery.payload) : delivery.payload;
    const body = deliveryBody({
      eventId: delivery.event_id,
      eventType: delivery.event_type,
      occurredAt: new Date(delivery.occurred_at),
      payload: payload as Record<string, unknown>,
    });
    const attemptedAt = now();
    const started = performance.now();
    let result: Omit<Outcome, 'durationMs'>;
    try {
      const secret = openSecret(delivery.secret_ciphertext, config.secretsKey, delivery.subscription_id);
      result = await post(
        delivery.url,
        body,
        {
          'content-type': 'application/json',
          'user-agent': 'UmrahGraph-Webhooks/1',
          'x-umrah-event-id': delivery.event_id,
          'x-umrah-event-type': delivery.event_type,
          'x-umrah-delivery-id': delivery.id,
          'x-umrah-signature': signatureHeader(secret, body, Math.floor(attemptedAt.getTime() / 1000)),
        },
        config,
      );
    } catch (error) {
      result = { httpStatus: null, error: `not sent: ${(error as Error).message}`.slice(0, MAX_ERROR_LENGTH) };
    }
    await record(delivery, attemptedAt, { ...result, durationMs: Math.round(performance.now() - started) });
  };

  return {
    runOnce: async () => {
      const claimed = await claim();
      await Promise.all(claimed.map(deliver));
      return claimed.length;
    },
  };
}
