import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs the rest of a request's handling with its scope (the error formatter reads the request id). */
export const runInRequestScope = <T>(scope: RequestScope, fn: () => T): T => storage.run(scope, fn);

export const currentRequestScope = (): RequestScope | undefined => storage.getStore();

/** The caller's `x-request-id` when it is a plain token (it reaches logs and subgraphs), else a new one. */
export const requestIdFrom = (header: string | undefined): string =>
  header && /^[\w.:-]{1,128}$/.test(header) ? header : randomUUID();
