// Messente's error bodies and headers, read tolerantly: a proxy or load balancer may answer with
// HTML or nothing at all, and the engine still needs a code and a sentence to store.
import { STATUS_CODES } from 'node:http';
import type { MessenteError } from '../sender/types';

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** `{"errors":[{code,title,detail,source}]}` → errors; anything else → one error naming the HTTP status. */
export function parseErrors(status: number, body: string): MessenteError[] {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (Array.isArray(parsed.errors) && parsed.errors.length > 0) {
      return parsed.errors.map((raw) => errorFrom(status, raw));
    }
  } catch {
    // Not JSON: fall through to the generic error below.
  }
  return [fallbackError(status, body)];
}

export function errorFrom(status: number, raw: unknown): MessenteError {
  const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    code: asText(item['code']) ?? String(status),
    title: asText(item['title']) ?? STATUS_CODES[status] ?? 'Error',
    detail: asText(item['detail']) ?? '',
    source: asText(item['source']),
  };
}

function fallbackError(status: number, body: string): MessenteError {
  const snippet = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return { code: String(status), title: STATUS_CODES[status] ?? 'Error', detail: snippet, source: null };
}

/** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, now = Date.now()): number | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Removes the password (raw and URL-encoded) from any text that might be shown or logged. */
export function redactor(password: string): (text: string) => string {
  if (!password) return (text) => text;
  const forms = [
    ...new Set([
      password,
      encodeURIComponent(password),
      new URLSearchParams({ p: password }).toString().slice(2),
    ]),
  ];
  return (text) => forms.reduce((out, form) => out.split(form).join('***'), text);
}
