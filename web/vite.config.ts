import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const gateway = process.env['GATEWAY_URL'] ?? 'http://localhost:4000';

// The app always calls its own origin; the dev and preview servers forward to the gateway,
// so the browser never needs CORS and production can sit behind the same reverse proxy.
const proxy = {
  '/graphql': { target: gateway, changeOrigin: true },
  '/health': { target: gateway, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 5173, strictPort: true, proxy },
  // GraphiQL's worker setup imports monaco workers with `?worker`, which only Vite itself can
  // load: the dev server's dependency bundler must leave that one module alone.
  optimizeDeps: { exclude: ['graphiql/setup-workers/vite'] },
  // antd is one shared chunk of ~600 kB; pages are split by route.
  build: { sourcemap: true, chunkSizeWarningLimit: 700 },
});
