import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '@umrah/db-kit';

/**
 * The whole system as real processes, as in production: the four subgraphs and the gateway, each
 * its own Node process on its own PostgreSQL database (created fresh), so a test can SIGKILL one
 * and start it again on the same port. Logs go to files under the OS temp dir.
 */
export const SUBGRAPHS = ['companies', 'pilgrims', 'packages', 'loyalty'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
export type ProcessName = SubgraphName | 'gateway';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ClusterOptions {
  /** A PostgreSQL server's URL (any database on it): one database per subgraph is created there. */
  serverUrl: string;
  /** Names the databases and the log folder. */
  tag: string;
  /** Extra environment per process. */
  env?: Partial<Record<ProcessName, Record<string, string>>>;
}

export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitHealthy(url: string, name: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.signalCode ?? child.exitCode}) before it was healthy`);
    }
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs} ms`);
}

const withDatabase = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

export class Cluster {
  readonly logDir: string;
  readonly ports = {} as Record<ProcessName, number>;
  private readonly children = new Map<ProcessName, ChildProcess>();
  private readonly databases = new Map<SubgraphName, Database>();
  private readonly secrets = Object.fromEntries(SUBGRAPHS.map((s) => [s, `faults-secret-${s}-0123456789`])) as Record<
    SubgraphName,
    string
  >;
  /** Kills per process, for the figures. */
  readonly kills: Partial<Record<ProcessName, number>> = {};

  private constructor(private readonly options: ClusterOptions) {
    this.logDir = mkdtempSync(join(tmpdir(), `ug-faults-${options.tag}-`));
  }

  static async start(options: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(options);
    try {
      await cluster.boot();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  databaseName(name: SubgraphName): string {
    return `ug_faults_${this.options.tag}_${name}`;
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.gateway}/graphql`;
  }

  url(name: ProcessName): string {
    return `http://127.0.0.1:${this.ports[name]}`;
  }

  logFile(name: ProcessName): string {
    return join(this.logDir, `${name}.log`);
  }

  private async boot(): Promise<void> {
    const admin = await openDatabase({ entities: [], migrations: [], url: this.options.serverUrl, poolSize: 1 });
    try {
      for (const name of SUBGRAPHS) {
        const db = this.databaseName(name);
        await admin.orm.em.getConnection().execute(`drop database if exists "${db}" with (force)`);
        await admin.orm.em.getConnection().execute(`create database "${db}"`);
      }
    } finally {
      await admin.close();
    }
    for (const name of [...SUBGRAPHS, 'gateway'] as const) this.ports[name] = await freePort();
    // Subgraphs first (they migrate and seed the demo), then the gateway in front of them.
    await Promise.all(SUBGRAPHS.map((name) => this.launch(name)));
    await this.launch('gateway');
  }

  private environment(name: ProcessName): Record<string, string> {
    const feeds = Object.fromEntries(
      SUBGRAPHS.flatMap((s) => [
        [`FEED_URL_${s.toUpperCase()}`, `${this.url(s)}/events`],
        [`FEED_SECRET_${s.toUpperCase()}`, this.secrets[s]],
      ]),
    );
    const common = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? tmpdir(),
      TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json'),
      NODE_ENV: 'development',
      // The simulated MOFA and payment systems answer at once and never fail.
      MOFA_LATENCY_MS: '0',
      MOFA_FAILURE_RATE: '0',
      PAYMENT_LATENCY_MS: '0',
      PAYMENT_FAILURE_RATE: '0',
    };
    if (name === 'gateway') {
      const huge = '1000000';
      return {
        ...common,
        PORT: String(this.ports.gateway),
        ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.toUpperCase()}`, `${this.url(s)}/graphql`])),
        ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_SECRET_${s.toUpperCase()}`, this.secrets[s]])),
        // One client sends the whole load: the per-client and per-address budgets are not under test here.
        RATE_LIMIT_PER_MINUTE: huge,
        RATE_LIMIT_BURST: huge,
        RATE_LIMIT_ADDRESS_PER_MINUTE: huge,
        RATE_LIMIT_ADDRESS_BURST: huge,
        ...this.options.env?.gateway,
      };
    }
    return {
      ...common,
      ...feeds,
      PORT: String(this.ports[name]),
      DATABASE_URL: withDatabase(this.options.serverUrl, this.databaseName(name)),
      DATA_DIR: join(this.logDir, name),
      DEMO: 'true',
      SUBGRAPH_SECRET: this.secrets[name],
      JWKS_URL: `${this.url('companies')}/.well-known/jwks.json`,
      TOKEN_LIFETIME_SECONDS: '3600',
      WEBHOOK_ALLOW_INSECURE_URLS: 'true',
      ...this.options.env?.[name],
    };
  }

  /** Starts one process and waits until it answers /health. */
  private async launch(name: ProcessName): Promise<void> {
    const cwd = name === 'gateway' ? join(root, 'gateway') : join(root, 'subgraphs', name);
    const log = openSync(this.logFile(name), 'a');
    // Plain node with tsx's loader (no tsx CLI in between): the pid is the server itself. Its own
    // process group, so a kill reaches nothing else and nothing of it survives.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd,
      env: this.environment(name),
      stdio: ['ignore', log, log],
      detached: true,
    });
    closeSync(log);
    this.children.set(name, child);
    await waitHealthy(`${this.url(name)}/health`, name, child);
  }

  /** Sends a signal to the process (SIGKILL by default) and waits until it is gone. */
  async kill(name: ProcessName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.children.get(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid!, signal);
    await exited;
    this.children.delete(name);
    if (signal === 'SIGKILL') this.kills[name] = (this.kills[name] ?? 0) + 1;
  }

  /** Sends a signal without waiting for an exit (SIGSTOP freezes a process: it accepts connections and never answers). */
  signal(name: ProcessName, signal: NodeJS.Signals): void {
    const child = this.children.get(name);
    if (child?.pid) process.kill(-child.pid, signal);
  }

  /** The process id, to tell a process restarted from the one that kept running. */
  pid(name: ProcessName): number | undefined {
    return this.children.get(name)?.pid;
  }

  /** Starts a stopped (or killed) process again on its port. */
  async restart(name: ProcessName): Promise<void> {
    await this.kill(name, 'SIGKILL');
    await this.launch(name);
  }

  isRunning(name: ProcessName): boolean {
    const child = this.children.get(name);
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  /** A connection to a subgraph's database, for the test's own checks. */
  async db(name: SubgraphName): Promise<Database> {
    const known = this.databases.get(name);
    if (known) return known;
    const db = await openDatabase({
      entities: [],
      migrations: [],
      url: withDatabase(this.options.serverUrl, this.databaseName(name)),
      poolSize: 2,
    });
    this.databases.set(name, db);
    return db;
  }

  async sql<T>(name: SubgraphName, text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db(name)).orm.em.fork().getConnection().execute<T[]>(text, params);
  }

  /** Calls the gateway as a client would, with a deadline. */
  async request<T>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    timeoutMs = 60_000,
  ): Promise<GraphQLAnswer<T>> {
    const response = await fetch(this.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    try {
      return { status: response.status, ...(JSON.parse(text) as Omit<GraphQLAnswer<T>, 'status'>) };
    } catch {
      return { status: response.status, errors: [{ message: text.slice(0, 200) }] };
    }
  }

  /** Signs in through the gateway (demo accounts) and returns the bearer token. */
  async login(email: string, password = 'Umrah-Demo-1447'): Promise<string> {
    const r = await this.request<{ login: { accessToken: string } }>(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email, password } },
    );
    if (!r.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(r.errors)}`);
    return r.data.login.accessToken;
  }

  /** Stops every process, closes the test's connections and drops the databases. */
  async stop(): Promise<void> {
    for (const db of this.databases.values()) await db.close().catch(() => undefined);
    this.databases.clear();
    await Promise.all(
      [...this.children.keys()].map(async (name) => {
        const child = this.children.get(name)!;
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        process.kill(-child.pid!, 'SIGTERM');
        const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    this.children.clear();
    const admin = await openDatabase({ entities: [], migrations: [], url: this.options.serverUrl, poolSize: 1 }).catch(
      () => null,
    );
    if (!admin) return;
    try {
      for (const name of SUBGRAPHS) {
        await admin.orm.em
          .getConnection()
          .execute(`drop database if exists "${this.databaseName(name)}" with (force)`)
          .catch(() => undefined);
      }
    } finally {
      await admin.close();
    }
  }
}
