import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Pure-logic specs only (dates, money, routing, translations): no DOM needed.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts'],
  },
});
