// Electron security scan of the shell: runs @doyensec/electronegativity on main/electron
// and fails on any HIGH or CRITICAL finding. The check that downloads Electron's release list is
// left out: this network has no GitHub, and the Electron version is pinned in package.json anyway.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const bin = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
const { version } = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const out = join(dir, 'findings.csv');

const run = spawnSync(
  process.execPath,
  [bin, '-i', 'main/electron', '-e', version, '-r', '-x', 'availablesecurityfixesglobalcheck', '-o', out],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(run.stdout + run.stderr);
  console.error('electronegativity did not run to the end');
  process.exit(1);
}
const findings = readFileSync(out, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
rmSync(dir, { recursive: true, force: true });
for (const f of findings)
  console.log(
    `${f[1]?.replaceAll('"', '')}\t${f[0]}\t${f[3]?.replaceAll('"', '')}:${f[4]?.replaceAll('"', '')}`,
  );
const serious = findings.filter((f) => /HIGH|CRITICAL/.test(f[1] ?? ''));
console.log(`electronegativity: ${findings.length} finding(s), ${serious.length} high or critical`);
process.exit(serious.length > 0 ? 1 : 0);
