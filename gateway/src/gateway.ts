import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { SUBGRAPH_SECRET_HEADER } from '@umrah/subgraph-kit';
import cors from 'cors';
import express from 'express';
import { formatGatewayError } from './errors';

export interface GatewayContext {
  authorization: string | null;
  requestId: string;
  /** The caller's address as this gateway sees it (sign-in throttling per address in companies). */
  clientAddress: string | null;
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name → URL; overrides the routing URLs written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Subgraph name → the secret that subgraph requires. */
  secrets: Record<string, string>;
  port: number;
  host?: string;
  production?: boolean;
  corsOrigins?: string[];
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(SUBGRAPH_SECRET_HEADER, this.secret);
    // Auth lives in each subgraph: the caller's token travels unchanged, nothing else about identity does.
    if (context?.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
    // Replaced, never appended: a caller-supplied x-forwarded-for must not reach the subgraphs.
    if (context?.clientAddress) request.http?.headers.set('x-forwarded-for', context.clientAddress);
  }
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const secret = options.secrets[name];
      if (!secret) throw new Error(`No secret configured for subgraph ${name}`);
      return new SubgraphSource(options.subgraphUrls?.[name] ?? String(url), secret);
    },
  });
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !options.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGatewayError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
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
  app.use(
    '/graphql',
    cors({ origin: options.corsOrigins ?? false, credentials: false }),
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => ({
        authorization: req.header('authorization') ?? null,
        requestId: req.header('x-request-id') ?? randomUUID(),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? null,
      }),
    }),
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
