// Bundles the Node side with esbuild: the CLI, the web host, the Electron main process and its
// preload. The sandboxed preload must be one self-contained file, hence a bundler rather than tsc.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { __OMNICAST_VERSION__: JSON.stringify(version) },
};

await Promise.all([
  // Dependencies stay in node_modules: native modules (better-sqlite3, keytar) cannot be bundled.
  build({
    ...common,
    entryPoints: { cli: 'main/cli/main.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { 'web-host': 'main/web/entry.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { 'electron-main': 'main/electron/main.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { preload: 'main/electron/preload.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
