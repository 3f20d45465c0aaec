// `npm run bench [-- --only sms,import,xlsx,ui,send,report,status,delivery-time] [-- --quick]`: bundles the benchmarks and runs
// them in a fresh Node process with --expose-gc, so that memory figures mean something.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

// Packages stay external, but their JSON files are bundled: an ES module may import JSON only with
// an import attribute, which the sources (bundled as CommonJS elsewhere) do not write.
const require = createRequire(import.meta.url);
const bundleJson = {
  name: 'bundle-package-json',
  setup(b) {
    b.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({ path: require.resolve(args.path) }));
  },
};

await build({
  entryPoints: { bench: 'bench/index.ts' },
  outdir: 'dist/bench',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  plugins: [bundleJson],
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __omnicastRequire } from 'node:module'; const require = __omnicastRequire(import.meta.url);",
  },
});
const result = spawnSync(
  process.execPath,
  ['--expose-gc', 'dist/bench/bench.mjs', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
