// Bundles a Node service (a subgraph or the gateway) into dist/main.js: our workspace packages are
// compiled in, third-party packages stay external and load from node_modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const entry = process.argv[2] ?? 'src/main.ts';
await build({
  entryPoints: [entry],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: true,
  tsconfig: fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)),
  plugins: [
    {
      name: 'external-third-party',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@umrah/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  logLevel: 'warning',
});
console.log(`built ${entry} -> dist/main.js`);
