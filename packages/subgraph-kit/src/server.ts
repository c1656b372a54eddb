import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Database } from '@umrah/db-kit';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { TokenVerifier } from './auth';
import { Loaders, type SubgraphContext } from './context';
import { formatError } from './errors';

export const SUBGRAPH_SECRET_HEADER = 'x-subgraph-secret';

export interface SubgraphOptions<C extends object = object> {
  name: string;
  schema: GraphQLSchema;
  db: Database;
  verifyToken: TokenVerifier;
  /** Shared with the gateway only; every request but /health and public routes must carry it. */
  secret: string;
  port: number;
  host?: string;
  production?: boolean;
  /** Public routes mounted before the secret check (e.g. the JWKS). */
  publicRoutes?: (app: Express) => void;
  /** Routes for the gateway and other subgraphs only, mounted after the secret check (e.g. the event feed). */
  privateRoutes?: (app: Express) => void;
  /** Subgraph-specific context fields (services, keys). */
  extendContext?: () => C;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  /** Applies everything waiting in the feeds this subgraph consumes; returns how many events were new. */
  drainEvents?: () => Promise<number>;
  /** Runs the background workers until they have nothing due; returns the items handled. */
  runWorkers?: () => Promise<number>;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Boots one subgraph: health, secret check, token verification, per-request EntityManager. */
export async function startSubgraph<C extends object = object>(options: SubgraphOptions<C>): Promise<RunningSubgraph> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    introspection: !options.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    try {
      await options.db.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', subgraph: options.name, database: options.db.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', subgraph: options.name });
    }
  });
  options.publicRoutes?.(app);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!sameSecret(req.header(SUBGRAPH_SECRET_HEADER), options.secret)) {
      res
        .status(403)
        .json({ errors: [{ message: 'This subgraph answers only the gateway.', extensions: { code: 'FORBIDDEN' } }] });
      return;
    }
    next();
  });
  options.privateRoutes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.header('authorization') ?? '';
        const token = header.startsWith('Bearer ') ? header.slice(7) : null;
        return {
          viewer: token ? await options.verifyToken(token) : null,
          em: options.db.fork(),
          loaders: new Loaders(),
          requestId: req.header('x-request-id') ?? randomUUID(),
          ...(options.extendContext?.() ?? {}),
        };
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    name: options.name,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await apollo.stop();
    },
  };
}
