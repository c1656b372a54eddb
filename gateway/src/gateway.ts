import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { SUBGRAPH_SECRET_HEADER } from '@umrah/subgraph-kit';
import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import {
  Kind,
  parse,
  type FieldNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { costLimitPlugin } from './cost';
import { documentLimitRules, exceedsTokenLimit } from './document-limits';
import { scalarLiteralRule } from './scalar-literals';
import { formatGatewayError } from './errors';
import { DEFAULT_LIMITS, LimitErrorCode, type GatewayLimits } from './limits';
import { clientKey, rateLimitMessage, rateLimitPlugin, RateLimiter } from './rate-limit';
import { requestIdFrom, runInRequestScope } from './request-scope';

export interface GatewayContext {
  authorization: string | null;
  requestId: string;
  /** The caller's address as this gateway sees it (sign-in throttling per address in companies). */
  clientAddress: string | null;
  /** The caller's rate-limit bucket: its token's subject, else its address. */
  clientKey: string;
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name → URL; overrides the routing URLs written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Subgraph name → the secret that subgraph requires. */
  secrets: Record<string, string>;
  port: number;
  host?: string;
  /** No introspection and no "Did you mean" hints. */
  production?: boolean;
  corsOrigins?: string[];
  /** Depth, alias, directive, token, cost, body size and rate limits; unset ones take DEFAULT_LIMITS. */
  limits?: Partial<GatewayLimits>;
  /** Express's `trust proxy`: which proxies' `x-forwarded-for` gives the caller's address (default none). */
  trustProxy?: boolean | number | string;
  /** Longest wait for one subgraph's answer (headers and body), in milliseconds; default 10 s. */
  subgraphTimeoutMs?: number;
}

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly name: string,
    url: string,
    private readonly secret: string,
    timeoutMs: number,
  ) {
    super({ url, fetcher: timedFetcher(timeoutMs) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(SUBGRAPH_SECRET_HEADER, this.secret);
    // Auth lives in each subgraph: the caller's token travels unchanged, nothing else about identity does.
    if (context?.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
    // Replaced, never appended: a caller-supplied x-forwarded-for must not reach the subgraphs.
    if (context?.clientAddress) request.http?.headers.set('x-forwarded-for', context.clientAddress);
  }

  // A subgraph that is down or too slow costs only its part of the answer: the rest of the query
  // is served, and its fields come back null with a coded error at their paths.
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (!(error instanceof SubgraphUnreachable)) throw error;
      console.warn(
        '[gateway] subgraph unavailable',
        JSON.stringify({ subgraph: this.name, requestId: options.context?.requestId, reason: error.reason }),
      );
      return { errors: unavailableErrors(this.name, options.request.query, options.request.variables) };
    }
  }
}

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Thrown by the fetcher when a subgraph could not be reached or did not answer in time. */
class SubgraphUnreachable extends Error {
  constructor(readonly reason: string) {
    super(`subgraph unreachable: ${reason}`);
  }
}

/** `fetch` bounded by a deadline that covers the headers and the body alike. */
function timedFetcher(timeoutMs: number): Fetcher {
  return async (url, init) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      // The gateway sends the subgraph request as a JSON string.
      const response = await fetch(url, { ...init, body: init?.body as string | undefined, signal });
      // Read within the deadline, then handed over whole: a body that stalls is a timeout too.
      const body = await response.arrayBuffer();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      }) as unknown as FetcherResponse;
    } catch (error) {
      const reason = signal.aborted ? `no answer within ${timeoutMs} ms` : errorReason(error);
      throw new SubgraphUnreachable(reason);
    }
  };
}

const errorReason = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : String((error as Error | null)?.message ?? error);
};

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/**
 * The errors the failed fetch answers with, one per field it was asked for, at that field's path
 * (`_entities` paths are mapped back to the caller's by the gateway): the caller sees which part
 * is missing, under a code, and nothing of the subgraph's address.
 */
function unavailableErrors(
  name: string,
  query: string | undefined,
  variables: Record<string, unknown> | undefined,
): GraphQLFormattedError[] {
  const error = (path?: (string | number)[]): GraphQLFormattedError => ({
    message: `The ${name} service is not answering right now, so this part of the answer is missing; the rest is complete. Try again shortly.`,
    ...(path ? { path } : {}),
    extensions: { code: SUBGRAPH_UNAVAILABLE, details: { service: name } },
  });
  const fields = query ? requestedFields(query) : null;
  if (!fields) return [error()];
  if (fields.entities) {
    const count = Array.isArray(variables?.['representations']) ? variables['representations'].length : 0;
    return Array.from({ length: count }, (_, i) => fields.names.map((f) => error(['_entities', i, f]))).flat();
  }
  return fields.names.map((f) => error([f]));
}

/** The response names a subgraph fetch asks for: root fields, or the fields under `_entities`. */
function requestedFields(query: string): { entities: boolean; names: string[] } | null {
  let document;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) return null;
  const names = (selections: readonly SelectionNode[]): string[] =>
    selections.flatMap((s) =>
      s.kind === Kind.FIELD
        ? [s.alias?.value ?? s.name.value]
        : s.kind === Kind.INLINE_FRAGMENT
          ? names(s.selectionSet.selections)
          : [],
    );
  const entities = operation.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities',
  );
  if (entities?.selectionSet) {
    return {
      entities: true,
      names: [...new Set(names(entities.selectionSet.selections))].filter((n) => n !== '__typename'),
    };
  }
  return { entities: false, names: names(operation.selectionSet.selections).filter((n) => n !== '__typename') };
}

/** A GraphQL-shaped error answer for refusals made before Apollo sees the request. */
function refuse(res: express.Response, status: number, code: string, message: string): void {
  // As in errors.ts: only a masked error carries the request id (every response has the header).
  const requestId = code === 'INTERNAL_SERVER_ERROR' ? res.locals['requestId'] : undefined;
  res.status(status).json({ errors: [{ message, extensions: { code, ...(requestId ? { requestId } : {}) } }] });
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const limits: GatewayLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const limiter = new RateLimiter(limits);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const secret = options.secrets[name];
      if (!secret) throw new Error(`No secret configured for subgraph ${name}`);
      return new SubgraphSource(
        name,
        options.subgraphUrls?.[name] ?? String(url),
        secret,
        options.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS,
      );
    },
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  const httpServer = createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !options.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatGatewayError(formatted, error, { hideSuggestions: options.production }),
    validationRules: [...documentLimitRules(limits), scalarLiteralRule],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      costLimitPlugin(limits),
      rateLimitPlugin<GatewayContext>(limiter),
    ],
  });
  await server.start();

  const urls = Object.entries(options.subgraphUrls ?? {});
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      urls.map(async ([name, url]) => {
        try {
          const r = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2000) });
          return [name, r.ok ? 'ok' : 'unavailable'] as const;
        } catch {
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const ready = checks.every(([, s]) => s === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });

  const identify: RequestHandler = (req, res, next) => {
    const requestId = requestIdFrom(req.header('x-request-id'));
    const clientAddress = req.ip ?? req.socket.remoteAddress ?? null;
    res.locals['requestId'] = requestId;
    res.locals['clientAddress'] = clientAddress;
    res.locals['clientKey'] = clientKey(req.header('authorization'), clientAddress);
    res.setHeader('x-request-id', requestId);
    next();
  };
  // One unit per HTTP request before the body is read; the operation's further root fields are
  // charged once it is parsed (rate-limit.ts), so a flood of broken requests is counted too.
  const rateLimitRequests: RequestHandler = (_req, res, next) => {
    const address = `addr:${res.locals['clientAddress'] ?? 'unknown'}`;
    const refusal = limiter.take([
      { family: 'client', key: String(res.locals['clientKey']), n: 1 },
      { family: 'address', key: address, n: 1 },
    ]);
    if (!refusal) return next();
    res.setHeader('retry-after', String(refusal.seconds));
    refuse(res, 429, LimitErrorCode.RATE_LIMITED, rateLimitMessage(refusal.seconds));
  };
  const refuseBatches: RequestHandler = (req, res, next) => {
    if (!Array.isArray(req.body)) return next();
    refuse(res, 400, LimitErrorCode.BATCHING_NOT_SUPPORTED, 'Send one operation per request: batching is off.');
  };
  const limitTokens: RequestHandler = (req, res, next) => {
    const query = req.method === 'GET' ? req.query['query'] : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || !exceedsTokenLimit(query, limits.maxTokens)) return next();
    refuse(res, 400, LimitErrorCode.TOO_MANY_TOKENS, `Token limit of ${limits.maxTokens} exceeded.`);
  };
  // express.json's own errors would otherwise reach Express's HTML error page (with a stack trace outside production).
  const bodyErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown } | null)?.type;
    if (type === 'entity.too.large') {
      return refuse(
        res,
        413,
        LimitErrorCode.PAYLOAD_TOO_LARGE,
        `The request body is larger than ${limits.maxBodyBytes} bytes.`,
      );
    }
    if (type === 'entity.parse.failed') return refuse(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return refuse(res, 415, 'BAD_REQUEST', 'The request body must be UTF-8 JSON.');
    }
    console.error('[gateway] request failed', JSON.stringify({ requestId: res.locals['requestId'] }), error);
    refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
  };
  const apollo = expressMiddleware(server, {
    context: async ({ req, res }) => ({
      authorization: req.header('authorization') ?? null,
      requestId: String(res.locals['requestId']),
      clientAddress: (res.locals['clientAddress'] as string | null) ?? null,
      clientKey: String(res.locals['clientKey']),
    }),
  });
  // The error formatter reads the request id from this scope (after the body is read: a stream's
  // callbacks would run outside it).
  const scoped: RequestHandler = (req, res, next) =>
    runInRequestScope({ requestId: String(res.locals['requestId']) }, () => apollo(req, res, next));
  app.use(
    '/graphql',
    cors({ origin: options.corsOrigins ?? false, credentials: false }),
    identify,
    rateLimitRequests,
    express.json({ limit: limits.maxBodyBytes }),
    refuseBatches,
    limitTokens,
    scoped,
    bodyErrors,
  );
  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await server.stop();
    },
  };
}
