#!/usr/bin/env node
// `npx omnicast …` from the repo root: runs the built CLI, or says how to build it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/main/cli.cjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('omnicast: not built yet. Run "npm run build" in the Omnicast folder first.\n');
  process.exit(2);
}
createRequire(import.meta.url)(cli);
