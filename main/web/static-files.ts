// The built renderer, served read-only from one folder. Paths are checked segment by segment after
// decoding, so neither `..` nor encoded slashes can climb out of the folder.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export const NOT_BUILT_MESSAGE = 'The interface is not built: run npm run build\n';

export type StaticTarget = { kind: 'file'; path: string } | { kind: 'refused' } | { kind: 'missing' };

/** Maps a raw URL pathname (still percent-encoded) to a file inside `root`, or says why not. */
export function resolveStaticPath(root: string, rawPathname: string): StaticTarget {
  const base = resolve(root);
  const segments: string[] = [];
  for (const raw of rawPathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused' };
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return { kind: 'refused' };
    segments.push(segment);
  }
  const path = segments.length === 0 ? join(base, 'index.html') : join(base, ...segments);
  // Belt and braces: whatever the checks above missed, nothing outside `root` is ever served.
  if (path !== base && !path.startsWith(base + sep)) return { kind: 'refused' };
  if (existsSync(path) && statSync(path).isFile()) return { kind: 'file', path };
  // Client-side routes (no file extension) get the app's page; missing assets get a 404.
  const index = join(base, 'index.html');
  if (extname(path) === '' && existsSync(index)) return { kind: 'file', path: index };
  return { kind: 'missing' };
}

export function hasIndex(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export function sendFile(response: ServerResponse, path: string): void {
  const type = mimeType(path);
  response.writeHead(200, {
    'Content-Type': type,
    // Vite fingerprints assets; the page itself must always be fetched fresh to pick up a new build.
    'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
  });
  const stream = createReadStream(path);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

export function sendNotBuilt(response: ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(NOT_BUILT_MESSAGE);
}
