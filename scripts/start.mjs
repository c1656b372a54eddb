// `npm start`: the four subgraphs on embedded PGlite with demo data, the gateway and the web app.
// Ports: UG_PORT_BASE (gateway; subgraphs follow it) and WEB_PORT. Data: UG_DATA_DIR (default ./data).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Node ${process.version} is too old: run through npm (npm start) so the project's Node 24 is used.`);
  process.exit(1);
}

const base = Number(process.env.UG_PORT_BASE ?? 4000);
const webPort = Number(process.env.WEB_PORT ?? 5173);
const dataDir = resolve(process.env.UG_DATA_DIR ?? join(root, 'data'));
const webMode = process.env.UG_WEB_MODE ?? 'dev'; // dev | preview
const tsx = join(root, 'node_modules/.bin/tsx');
const tsconfig = join(root, 'tsconfig.base.json');
const subgraphs = ['companies', 'pilgrims', 'packages', 'loyalty'];
const children = [];
const started = Date.now();

function run(name, command, args, options) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const prefix = (line) => (line && !line.startsWith(`[${name}]`) ? `[${name}] ${line}` : line);
  child.stdout.on('data', (d) => process.stdout.write(d.toString().split('\n').map(prefix).join('\n')));
  child.stderr.on('data', (d) => process.stderr.write(d.toString().split('\n').map(prefix).join('\n')));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${name}] exited (${signal ?? code}); stopping everything`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url, name, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not become healthy at ${url}`);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

mkdirSync(dataDir, { recursive: true });
const secrets = Object.fromEntries(subgraphs.map((s) => [s, `dev-only-subgraph-secret-${s}`]));
subgraphs.forEach((name, i) => {
  run(name, process.execPath, [tsx, '--tsconfig', tsconfig, 'src/main.ts'], {
    cwd: join(root, 'subgraphs', name),
    env: {
      ...process.env,
      DEMO: 'true',
      PORT: String(base + 1 + i),
      DATA_DIR: join(dataDir, name),
      SUBGRAPH_SECRET: secrets[name],
      JWKS_URL: `http://127.0.0.1:${base + 1}/.well-known/jwks.json`,
      FEED_URL_COMPANIES: `http://127.0.0.1:${base + 1}/events`,
      FEED_SECRET_COMPANIES: secrets.companies,
      FEED_URL_PACKAGES: `http://127.0.0.1:${base + 1 + subgraphs.indexOf('packages')}/events`,
      FEED_SECRET_PACKAGES: secrets.packages,
      FEED_URL_PILGRIMS: `http://127.0.0.1:${base + 1 + subgraphs.indexOf('pilgrims')}/events`,
      FEED_SECRET_PILGRIMS: secrets.pilgrims,
      FEED_URL_LOYALTY: `http://127.0.0.1:${base + 1 + subgraphs.indexOf('loyalty')}/events`,
      FEED_SECRET_LOYALTY: secrets.loyalty,
      // The demo lets webhooks reach a receiver on this machine (plain http to loopback only).
      WEBHOOK_ALLOW_INSECURE_URLS: 'true',
    },
  });
});
await Promise.all(subgraphs.map((name, i) => waitFor(`http://127.0.0.1:${base + 1 + i}/health`, name)));

run('gateway', process.execPath, [tsx, '--tsconfig', tsconfig, 'src/main.ts'], {
  cwd: join(root, 'gateway'),
  env: {
    ...process.env,
    PORT: String(base),
    CORS_ORIGINS: `http://localhost:${webPort},http://127.0.0.1:${webPort}`,
    ...Object.fromEntries(
      subgraphs.map((s, i) => [`SUBGRAPH_URL_${s.toUpperCase()}`, `http://127.0.0.1:${base + 1 + i}/graphql`]),
    ),
    ...Object.fromEntries(subgraphs.map((s) => [`SUBGRAPH_SECRET_${s.toUpperCase()}`, secrets[s]])),
  },
});
await waitFor(`http://127.0.0.1:${base}/health`, 'gateway');
const apiReady = Date.now() - started;

const vite = join(root, 'node_modules/.bin/vite');
const webEnv = { ...process.env, GATEWAY_URL: `http://127.0.0.1:${base}` };
if (webMode === 'preview') {
  await new Promise((ok, fail) => {
    const b = spawn(process.execPath, [vite, 'build'], { cwd: join(root, 'web'), env: webEnv, stdio: 'inherit' });
    b.on('exit', (code) => (code === 0 ? ok() : fail(new Error('web build failed'))));
  });
}
run(
  'web',
  process.execPath,
  [vite, webMode === 'preview' ? 'preview' : 'dev', '--port', String(webPort), '--strictPort', '--host', '127.0.0.1'],
  {
    cwd: join(root, 'web'),
    env: webEnv,
  },
);
await waitFor(`http://127.0.0.1:${webPort}/`, 'web');

console.log(`
Umrah Graph is running (API ready in ${(apiReady / 1000).toFixed(1)} s, everything in ${((Date.now() - started) / 1000).toFixed(1)} s)
  web app   http://localhost:${webPort}/
  gateway   http://localhost:${base}/graphql   (health: http://localhost:${base}/health)
  data      ${dataDir} (embedded PGlite, demo data)
Demo accounts (password Umrah-Demo-1447): supervisor@ministry.demo, officer@ministry.demo,
  manager@safwa.demo, manager@rawda.demo, manager@bayt.demo, agent@nusantara.demo, provider@makkahtowers.demo
Press Ctrl+C to stop.
`);
