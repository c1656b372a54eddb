import { Migration } from '@umrah/db-kit';

/**
 * Accounts get who created and disabled them and a token cut-off (`tokens_valid_from`): access
 * tokens issued before it are refused by this subgraph at once. Third parties get API clients:
 * a public client id, a scrypt hash of the secret, scopes and exactly one owning party.
 */
export class AccountsAndApiClients extends Migration {
  override name = '0006-accounts-api-clients';

  up(): void {
    this.addSql(`
      alter table account
        add column created_by uuid,
        add column disabled_by uuid,
        add column disabled_reason text check (char_length(disabled_reason) between 3 and 1000),
        add column password_changed_at timestamptz,
        add column tokens_valid_from timestamptz,
        add constraint account_display_name_check check (char_length(display_name) between 2 and 100),
        add constraint account_disabled_has_reason_check check (disabled_at is null or disabled_reason is not null),
        add constraint account_party_check check (num_nonnulls(company_id, agent_id, provider_id) <= 1)`);
    this.addSql(`create index account_company_idx on account (company_id, id)`);
    this.addSql(`create index account_role_idx on account (role, id)`);
    this.addSql(`
      create table api_client (
        id uuid primary key,
        client_id text not null unique check (client_id ~ '^ugc_[A-Za-z0-9_-]{16,64}$'),
        secret_hash text not null,
        name text not null check (char_length(name) between 2 and 100),
        scopes text[] not null check (cardinality(scopes) between 1 and 2 and scopes <@ array['READ', 'WRITE']::text[]),
        company_id uuid references company (id),
        agent_id uuid references external_agent (id),
        provider_id uuid,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        rotated_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid,
        revoked_reason text check (char_length(revoked_reason) between 3 and 1000),
        check (num_nonnulls(company_id, agent_id, provider_id) = 1),
        check ((revoked_at is null) = (revoked_reason is null))
      )`);
    this.addSql(`create index api_client_company_idx on api_client (company_id, id) where company_id is not null`);
    this.addSql(`create index api_client_agent_idx on api_client (agent_id, id) where agent_id is not null`);
    this.addSql(`create index api_client_provider_idx on api_client (provider_id, id) where provider_id is not null`);
    // The token guard loads only recent cut-offs (within one token lifetime).
    this.addSql(
      `create index account_tokens_valid_from_idx on account (tokens_valid_from) where tokens_valid_from is not null`,
    );
    this.addSql(
      `create index api_client_cutoff_idx on api_client ((greatest(revoked_at, rotated_at))) where revoked_at is not null or rotated_at is not null`,
    );
  }
}
