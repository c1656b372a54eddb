import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPH_NAMES, databaseUrl, type SubgraphName } from './databases';

// The whole system as production runs it: four subgraph processes on their PostgreSQL databases (a
// generated dataset) and the gateway process in front. (e2e/faults/harness.ts creates fresh
// databases per test; the bench needs the generated ones, hence this small starter.)

const root = fileURLToPath(new URL('../../', import.meta.url));
type ProcessName = SubgraphName | 'gateway';

async function freePort(): Promise<number> {
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

async function waitHealthy(url: string, name: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited early; see ${log}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become healthy at ${url}; see ${log}`);
}

export class BenchCluster {
  readonly logDir = mkdtempSync(join(tmpdir(), 'ug-bench-'));
  readonly ports = {} as Record<ProcessName, number>;
  readonly secrets = Object.fromEntries(SUBGRAPH_NAMES.map((s) => [s, `bench-secret-${s}-0123456789`])) as Record<
    SubgraphName,
    string
  >;
  private readonly children = new Map<ProcessName, ChildProcess>();

  private constructor(private readonly size: string) {}

  static async start(size: string): Promise<BenchCluster> {
    const cluster = new BenchCluster(size);
    try {
      for (const name of [...SUBGRAPH_NAMES, 'gateway'] as const) cluster.ports[name] = await freePort();
      await Promise.all(SUBGRAPH_NAMES.map((name) => cluster.launch(name)));
      await cluster.launch('gateway');
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  url(name: ProcessName): string {
    return `http://127.0.0.1:${this.ports[name]}`;
  }

  get gatewayUrl(): string {
    return `${this.url('gateway')}/graphql`;
  }

  private environment(name: ProcessName): Record<string, string> {
    const common = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? tmpdir(),
      NODE_ENV: 'development',
    };
    if (name === 'gateway') {
      const huge = '100000000';
      return {
        ...common,
        PORT: String(this.ports.gateway),
        ...Object.fromEntries(SUBGRAPH_NAMES.map((s) => [`SUBGRAPH_URL_${s.toUpperCase()}`, `${this.url(s)}/graphql`])),
        ...Object.fromEntries(SUBGRAPH_NAMES.map((s) => [`SUBGRAPH_SECRET_${s.toUpperCase()}`, this.secrets[s]])),
        // One client sends the whole load: the per-client and per-address budgets are not under test here.
        RATE_LIMIT_PER_MINUTE: huge,
        RATE_LIMIT_BURST: huge,
        RATE_LIMIT_ADDRESS_PER_MINUTE: huge,
        RATE_LIMIT_ADDRESS_BURST: huge,
      };
    }
    return {
      ...common,
      ...Object.fromEntries(
        SUBGRAPH_NAMES.flatMap((s) => [
          [`FEED_URL_${s.toUpperCase()}`, `${this.url(s)}/events`],
          [`FEED_SECRET_${s.toUpperCase()}`, this.secrets[s]],
        ]),
      ),
      PORT: String(this.ports[name]),
      DATABASE_URL: databaseUrl(this.size, name),
      DATA_DIR: join(this.logDir, name),
      SUBGRAPH_SECRET: this.secrets[name],
      JWKS_URL: `${this.url('companies')}/.well-known/jwks.json`,
      TOKEN_LIFETIME_SECONDS: '3600',
      // The simulated MOFA and payment systems answer at once and never fail.
      MOFA_LATENCY_MS: '0',
      MOFA_FAILURE_RATE: '0',
      PAYMENT_LATENCY_MS: '0',
      PAYMENT_FAILURE_RATE: '0',
    };
  }

  private async launch(name: ProcessName): Promise<void> {
    const cwd = name === 'gateway' ? join(root, 'gateway') : join(root, 'subgraphs', name);
    const logFile = join(this.logDir, `${name}.log`);
    const log = openSync(logFile, 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd,
      env: { ...this.environment(name), TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') },
      stdio: ['ignore', log, log],
      detached: true,
    });
    closeSync(log);
    this.children.set(name, child);
    await waitHealthy(`${this.url(name)}/health`, name, child, logFile);
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.children.values()].map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        process.kill(-child.pid, 'SIGTERM');
        const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    this.children.clear();
  }
}
