import type { SigningKey, SubgraphRuntime } from '@umrah/subgraph-kit';
import type { TokenService } from './auth.service';
import { clientAddressOf, currentRequestScope, runInRequestScope } from './request-scope';
import { LoginThrottle } from './throttle';
import { TokenGuard } from './token-guard';

/** The parts of an HTTP request the guard reads (Express's request has them). */
interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string | undefined };
}

export interface CompaniesAuth {
  tokens: TokenService;
  /**
   * Mounted in front of /graphql, behind the subgraph secret: drops the bearer token of a disabled
   * account or a revoked client (the kit then sees an anonymous caller) and opens the request
   * scope that carries the caller's address into the GraphQL context.
   */
  guard(req: GuardedRequest, res: unknown, next: (error?: unknown) => void): void;
  /** The companies-only context fields, for the kit's context factory. */
  context(): { tokens: TokenService; clientAddress: string | null };
}

/** The context fields only the companies subgraph has (see `CompaniesContext`). */
export type CompaniesContextFields = ReturnType<CompaniesAuth['context']>;

// privateRoutes and context are separate hooks of the same start; both must share one state.
const byRuntime = new WeakMap<SubgraphRuntime, CompaniesAuth>();

export function companiesAuth(runtime: SubgraphRuntime, key: SigningKey): CompaniesAuth {
  const existing = byRuntime.get(runtime);
  if (existing) return existing;
  const guard = new TokenGuard(runtime.db, runtime.production ? 30_000 : null);
  guard.start();
  const tokens: TokenService = {
    key,
    lifetimeSeconds: runtime.tokenLifetimeSeconds ?? 900,
    throttle: new LoginThrottle(5),
    addressThrottle: new LoginThrottle(20),
    clientThrottle: new LoginThrottle(10),
    guard,
  };
  const auth: CompaniesAuth = {
    tokens,
    guard(req, _res, next) {
      const header = req.headers['authorization'];
      const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : null;
      const clientAddress = clientAddressOf(req.headers['x-forwarded-for'], req.socket.remoteAddress);
      void (token ? guard.refuses(token) : Promise.resolve(false)).then(
        (refused) => {
          if (refused) delete req.headers['authorization'];
          runInRequestScope({ clientAddress }, () => next());
        },
        (error: unknown) => next(error),
      );
    },
    context: () => ({ tokens, clientAddress: currentRequestScope()?.clientAddress ?? null }),
  };
  byRuntime.set(runtime, auth);
  return auth;
}
