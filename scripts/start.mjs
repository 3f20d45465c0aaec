// `npm start` (after the build): the Electron desktop app when its binary is installed, otherwise
// the same interface through the web host, said plainly. Installs made with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 (CI, servers, this repository's .ci/run) have no binary.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron binary's path, or null. Mirrors node_modules/electron/index.js without requiring
 * it: that module starts a download when the binary is missing, which must not happen here.
 */
export function findElectronBinary(env = process.env) {
  let electronDir;
  try {
    electronDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function run(command, args) {
  const env = { ...process.env };
  // Set by some shells and tools; it would turn Electron into a plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // Own process group (POSIX): Ctrl-C then reaches the child once, through us, rather than twice
  // (terminal + forwarded), which the web host would read as "stop now, don't wait".
  const detached = process.platform !== 'win32';
  const child = spawn(command, args, { cwd: root, env, stdio: ['inherit', 'inherit', 'inherit'], detached });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main() {
  const binary = findElectronBinary();
  if (binary) {
    run(binary, [root, ...process.argv.slice(2)]);
    return;
  }
  console.log(
    'The Electron desktop shell is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD). Starting the same interface in your browser instead:',
  );
  run(process.execPath, [join(root, 'dist/main/web-host.cjs'), ...process.argv.slice(2)]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
