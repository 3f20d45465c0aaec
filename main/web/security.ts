// The web host's gate: it listens on loopback, but other local users, other local programs and web
// pages open in the same browser can all reach loopback. Every request must prove it comes from the
// person who started Omnicast (a live session, see ./sessions), be addressed to us by name (DNS rebinding) and,
// when it changes state, come from our own pages (cross-site requests).
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Svelte sets inline style attributes (transitions, widths); scripts stay strictly 'self'.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // The CSV parser may run in a worker created from a blob.
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Cookies are shared by every port of a host, so two running hosts need two cookie names. */
export function cookieName(port: number): string {
  return `omnicast_session_${port}`;
}

/** No Max-Age: the browser forgets it when it closes; the host forgets it when idle or stopped. */
export function sessionCookie(port: number, sessionId: string): string {
  return `${cookieName(port)}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`;
}

export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The password of `Authorization: Basic …`: where a browser puts the secret of a user:secret@ link. */
export function readBasicPassword(request: IncomingMessage): string | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(request.headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** A page on another name that resolves to 127.0.0.1 (DNS rebinding) sends its own name as Host. */
export function isOwnHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The origin a browser reports for pages served under the Host the request names. */
export function isOwnOrigin(origin: string, request: IncomingMessage, port: number): boolean {
  return isOwnHost(request, port) && origin === `http://${request.headers.host}`;
}

/** Headers sent on every response, whatever it is. */
export function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Refusals say nothing about why: the caller is, by assumption, not someone we want to help. */
export function refuse(response: ServerResponse, status = 403): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(status === 403 ? 'Forbidden\n' : 'Not found\n');
}
