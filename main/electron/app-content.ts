// What the app's own scheme (omnicast://app/…) answers: files of the built renderer with the strict
// CSP attached. Electron-free so it can be tested; ./protocol.ts plugs it into Electron. A custom
// scheme rather than file:// is the Electron checklist's advice: file:// pages can reach every file.
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { mimeType, NOT_BUILT_MESSAGE, resolveStaticPath } from '../web/static-files';

export const APP_SCHEME = 'omnicast';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function appResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return text(400, 'Bad request\n');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, 'Not found\n');
  const target = resolveStaticPath(rendererDir, url.pathname);
  if (target.kind === 'refused') return text(403, 'Forbidden\n');
  if (target.kind === 'missing') {
    return url.pathname === '/index.html' || url.pathname === '/'
      ? text(200, NOT_BUILT_MESSAGE)
      : text(404, 'Not found\n');
  }
  const body = await readFile(target.path);
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: { ...HEADERS, 'Content-Type': mimeType(target.path) },
  });
}
