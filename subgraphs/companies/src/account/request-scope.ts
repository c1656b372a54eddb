import { AsyncLocalStorage } from 'node:async_hooks';

/** What the companies subgraph knows about the HTTP request beyond the kit's context. */
export interface RequestScope {
  /** The caller's network address, as the gateway saw it. */
  clientAddress: string | null;
}

// The kit builds the GraphQL context without the HTTP request; a middleware in front of /graphql
// opens this scope and the context factory (which runs inside the same async chain) reads it.
const scope = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope(value: RequestScope, next: () => void): void {
  scope.run(value, next);
}

export function currentRequestScope(): RequestScope | null {
  return scope.getStore() ?? null;
}

/**
 * The first hop of `x-forwarded-for` (set by the gateway from its own socket; a subgraph answers
 * only the gateway, so the header cannot come from the caller), else the socket's address.
 */
export function clientAddressOf(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
): string | null {
  const header = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
  const first = header?.split(',')[0]?.trim();
  const address = first || socketAddress || null;
  return address ? address.slice(0, 64) : null;
}
