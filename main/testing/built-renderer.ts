// Tests only: a renderer build as the web host and the app:// scheme serve it, in a new temporary
// folder: renderer/index.html and one script under renderer/assets/, and beside the served folder a
// secret.txt ("SECRET") that no request path may reach.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

/** The served folder and the temporary folder around it (free for the test's other files). */
export function builtRenderer(
  prefix: string,
  script: { name: string; text: string },
): { root: string; dir: string } {
  const root = tempDir(prefix);
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Omnicast</title>');
  writeFileSync(join(dir, 'assets', script.name), script.text);
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  return { root, dir };
}
