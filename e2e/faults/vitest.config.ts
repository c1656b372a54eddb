import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared';

// Crash and partial-failure scenarios on real processes and PostgreSQL: one file at a time. Each
// starts the whole system, and most of the run is the loyalty consumer working through 10,000
// events, which is CPU-bound: side by side on two cores, the files only slow each other down.
export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      include: ['faults/**/*.spec.ts'],
      root: new URL('..', import.meta.url).pathname,
      fileParallelism: false,
      testTimeout: 900_000,
      hookTimeout: 300_000,
    },
  }),
);
