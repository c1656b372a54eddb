import { defineConfig } from 'vitest/config';

// Pure-logic specs only (dates, money, routing, translations): no DOM needed.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts'],
  },
});
