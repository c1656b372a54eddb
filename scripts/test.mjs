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

const results = [
  formatting(),
  step('supergraph is current', ['run', '@umrah/gateway:compose-check']),
  step('lint and types', ['run-many', '-t', 'lint', 'typecheck', '--parallel=2']),
  step('unit, API and federation tests', ['run-many', '-t', 'test', '--parallel=2']),
  step('browser tests (Playwright on /usr/bin/chromium)', ['run-many', '-t', 'e2e']),
];
const failed = results.filter((ok) => !ok).length;
console.log(
  `\nnpm test: ${results.length - failed} steps passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(failed ? 1 : 0);
