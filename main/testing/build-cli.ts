// Vitest's global setup: tests that start the CLI as a real process (crash safety, exit codes) run
// the bundle in dist/main. It is bundled from the sources before every run, so that a test never
// runs an older build than the code it judges, and a fresh checkout needs no build step first.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: root, stdio: 'inherit' });
}
