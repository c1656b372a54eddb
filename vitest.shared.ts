import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// graphql 16 ships CJS (main) and ESM (module) builds; Node loads the CJS one for
// type-graphql and Apollo, so tests must too or schemas come from two realms.
export const sharedConfig = defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    setupFiles: [],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The simulated MOFA and payment systems answer at once and never fail unless a test asks.
    env: {
      MOFA_LATENCY_MS: '0',
      MOFA_FAILURE_RATE: '0',
      PAYMENT_LATENCY_MS: '0',
      PAYMENT_FAILURE_RATE: '0',
    },
  },
});
