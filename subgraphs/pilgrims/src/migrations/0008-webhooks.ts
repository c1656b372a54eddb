import { Migration } from '@umrah/db-kit';

/**
 * Webhooks to third parties: subscriptions owned by exactly one company or external agent, one
 * delivery per (subscription, event) whatever how often the event reaches the fan-out, and a log
 * row per attempt. Signing secrets are stored encrypted (AES-256-GCM), never hashed: the server
 * must sign with them.
 */
export class Webhooks extends Migration {
  override name = '0008-webhooks';

  up(): void {
    this.addSql(`
      create table webhook_subscription (
        id uuid primary key,
        company_id uuid,
        agent_id uuid,
        url text not null check (char_length(url) between 8 and 2000),
        description text check (description is null or char_length(description) between 1 and 200),
        event_types text[] not null
          check (cardinality(event_types) >= 1 and event_types <@ array['VISA_STATUS_CHANGED']::text[]),
        active boolean not null default true,
        secret_ciphertext text not null,
        secret_rotated_at timestamptz,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint webhook_subscription_one_owner check ((company_id is null) <> (agent_id is null))
      )`);
    this.addSql(`create index webhook_subscription_company_idx on webhook_subscription (company_id, id)`);
    this.addSql(`create index webhook_subscription_agent_idx on webhook_subscription (agent_id, id)`);
    this.addSql(`
      create table webhook_delivery (
        id uuid primary key,
        subscription_id uuid not null references webhook_subscription (id) on delete cascade,
        event_id uuid not null,
        event_type text not null check (event_type in ('VISA_STATUS_CHANGED')),
        occurred_at timestamptz not null,
        payload jsonb not null,
        status text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
        attempt_count integer not null default 0 check (attempt_count >= 0),
        attempt_limit integer not null check (attempt_limit >= 1),
        next_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_http_status integer check (last_http_status between 100 and 599),
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz not null default now(),
        -- A redelivered event (the fan-out is at-least-once) never makes a second delivery.
        constraint webhook_delivery_once unique (subscription_id, event_id),
        constraint webhook_delivery_due_check check ((status = 'PENDING') = (next_attempt_at is not null)),
        constraint webhook_delivery_delivered_check check ((status = 'DELIVERED') = (delivered_at is not null))
      )`);
    this.addSql(`create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING'`);
    this.addSql(`create index webhook_delivery_subscription_idx on webhook_delivery (subscription_id, id)`);
    this.addSql(`
      create table webhook_attempt (
        id uuid primary key,
        delivery_id uuid not null references webhook_delivery (id) on delete cascade,
        attempt_number integer not null check (attempt_number >= 1),
        attempted_at timestamptz not null,
        duration_ms integer not null check (duration_ms >= 0),
        http_status integer check (http_status between 100 and 599),
        error text,
        succeeded boolean not null,
        constraint webhook_attempt_number_key unique (delivery_id, attempt_number),
        constraint webhook_attempt_outcome_check check (succeeded = coalesce(http_status between 200 and 299, false))
      )`);
  }
}
