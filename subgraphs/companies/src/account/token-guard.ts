import type { Database } from '@umrah/db-kit';

interface Cutoff {
  /** Tokens issued (iat, seconds) before this are refused. */
  validFromSeconds: number;
  /** Every token of this subject is refused (disabled account, revoked client). */
  blocked: boolean;
}

// The longest access-token lifetime the configuration allows (TOKEN_LIFETIME_SECONDS ≤ 3600) plus
// clock tolerance: a cut-off older than this can only concern tokens that have expired anyway.
const RELEVANT_SECONDS = 3600 + 60;

/**
 * Token `iat` has whole seconds: a cut-off refuses every token issued in its own second too, and a
 * new token for the subject is issued only once that second is over (see `waitForCutoff`).
 */
export const cutoffSeconds = (at: Date): number => Math.ceil(at.getTime() / 1000);

/** Waits (under a second) until a token issued now would be accepted after the subject's cut-off. */
export async function waitForCutoff(at: Date | null | undefined): Promise<void> {
  const wait = at ? cutoffSeconds(at) * 1000 - Date.now() : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 1000)));
}

function claimsOf(token: string): { sub: string; iat: number } | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown;
    if (!payload || typeof payload !== 'object') return null;
    const { sub, iat } = payload as { sub?: unknown; iat?: unknown };
    return typeof sub === 'string' && typeof iat === 'number' ? { sub, iat } : null;
  } catch {
    return null;
  }
}

/**
 * Refuses, in this subgraph, access tokens of disabled accounts and revoked or rotated API clients
 * before they expire. The kit's token carries no version, so the rule compares the token's `iat`
 * with the subject's cut-off. Cut-offs live in memory: loaded at start, updated at once by this
 * process's own mutations and, in production, re-read every 30 s for changes made by other replicas.
 * Other subgraphs verify signatures only, so there such a token works until it expires
 * (TOKEN_LIFETIME_SECONDS, 900 s by default).
 */
export class TokenGuard {
  private cutoffs = new Map<string, Cutoff>();
  private ready: Promise<void> | null = null;
  private loadedAt = 0;
  private refreshing = false;

  constructor(
    private readonly db: Database,
    private readonly refreshMs: number | null,
  ) {}

  /** Starts loading the cut-offs; requests wait for the first load. */
  start(): void {
    if (this.ready) return;
    // A failed first load (database not up yet) is retried by the next request, not kept failing.
    const loading = this.load().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    // Requests that await it see the error; the start-up call itself must not crash the process.
    loading.catch(() => undefined);
    this.ready = loading;
  }

  /** True when the token (already or later verified by the kit) must be treated as absent. */
  async refuses(token: string): Promise<boolean> {
    const claims = claimsOf(token);
    if (!claims) return false;
    this.start();
    await this.ready;
    if (this.refreshMs !== null && !this.refreshing && Date.now() - this.loadedAt > this.refreshMs) {
      this.refreshing = true;
      void this.load().finally(() => (this.refreshing = false));
    }
    const cutoff = this.cutoffs.get(claims.sub);
    return !!cutoff && (cutoff.blocked || claims.iat < cutoff.validFromSeconds);
  }

  /** Records a cut-off this process just committed, so it applies from the next request. */
  cut(subject: string, validFrom: Date, blocked: boolean): void {
    this.cutoffs.set(subject, { validFromSeconds: cutoffSeconds(validFrom), blocked });
  }

  private async load(): Promise<void> {
    const rows = await this.db
      .fork()
      .getConnection()
      .execute<{ id: string; valid_from: Date | string; blocked: boolean }[]>(
        `select id, tokens_valid_from as valid_from, disabled_at is not null as blocked
           from account where tokens_valid_from > now() - make_interval(secs => ?)
         union all
         select id, greatest(revoked_at, rotated_at) as valid_from, revoked_at is not null as blocked
           from api_client where greatest(revoked_at, rotated_at) > now() - make_interval(secs => ?)`,
        [RELEVANT_SECONDS, RELEVANT_SECONDS],
      );
    const next = new Map<string, Cutoff>();
    const oldest = Date.now() / 1000 - RELEVANT_SECONDS;
    // Keep recent local cut-offs a concurrent load may not have seen yet; the database wins otherwise.
    for (const [subject, cutoff] of this.cutoffs) if (cutoff.validFromSeconds > oldest) next.set(subject, cutoff);
    for (const row of rows) {
      next.set(row.id, {
        validFromSeconds: cutoffSeconds(new Date(row.valid_from)),
        blocked: row.blocked,
      });
    }
    this.cutoffs = next;
    this.loadedAt = Date.now();
  }
}
