// `npm test`: every check and every test — lint, types, unit and API tests, then the browser tests.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const nx = join(root, 'node_modules/.bin/nx');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const started = Date.now();

function step(title, args) {
  console.log(`\n=== ${title} ===`);
  const t = Date.now();
  const r = spawnSync(process.execPath, [nx, ...args, '--outputStyle=static'], { cwd: root, env, stdio: 'inherit' });
  console.log(`=== ${title}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(0)} s ===`);
  return r.status === 0;
}

function formatting() {
  console.log('\n=== formatting (prettier --check) ===');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/.bin/prettier'), '--check', '--log-level=warn', '.'],
    { cwd: root, stdio: 'inherit' },
  );
  console.log(`=== formatting: ${r.status === 0 ? 'passed' : 'FAILED (npm run format)'} ===`);
  return r.status === 0;
}

const nxStep = (title, args) => ({ title, run: () => step(title, args) });
const steps = [
  { title: 'formatting', run: formatting },
  nxStep('supergraph is current', ['run', '@umrah/gateway:compose-check']),
  nxStep('lint and types', ['run-many', '-t', 'lint', 'typecheck', '--parallel=2']),
  nxStep('unit, API and federation tests', ['run-many', '-t', 'test', '--parallel=2']),
  nxStep('browser tests (Playwright on /usr/bin/chromium)', ['run-many', '-t', 'e2e']),
];
const results = steps.map(({ title, run }) => ({ title, ok: run() }));
const failed = results.filter((r) => !r.ok).length;
// The last lines of a long log are often all that is kept: they name each step's outcome.
console.log('');
for (const r of results) console.log(`${r.ok ? 'passed' : 'FAILED'}: ${r.title}`);
console.log(
  `npm test: ${results.length - failed} steps passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(failed ? 1 : 0);
