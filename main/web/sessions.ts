// Who may use the web host. The printed link carries an entry token that works once: the first
// visit trades it for a separate, random session id in a cookie, and the token is dead from then on,
// so a copy of the link (terminal scroll-back, browser session files) opens nothing. Sessions live in
// memory only: they end after a long idle spell and, all of them, when the host stops.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Twelve hours without a request: a working day, after which the link must be asked for again. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

/** 32 random bytes: guessing it is out of the question, and base64url keeps it URL- and cookie-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Constant-time so a secret cannot be found byte by byte from response times.
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SessionsOptions {
  /** The first entry token; fixed in tests, random otherwise. */
  token?: string;
  idleMs?: number;
  now?: () => number;
}

export interface Sessions {
  /** The entry token that will work next, or null once it is spent and no new one was asked for. */
  readonly entryToken: string | null;
  /** Spends the entry token: a new session id if `given` is the live token, null otherwise. */
  enter(given: string | undefined): string | null;
  /** Whether `id` names a live session; a hit counts as activity. */
  check(id: string | undefined): boolean;
  /** A fresh entry token (the old one, spent or not, stops working). */
  renewEntry(): string;
  /** Ends every session and the entry token. */
  clear(): void;
}

export function createSessions(options: SessionsOptions = {}): Sessions {
  const idleMs = options.idleMs ?? SESSION_IDLE_MS;
  const now = options.now ?? Date.now;
  let entry: string | null = options.token ?? newSecret();
  const lastSeen = new Map<string, number>();

  function prune(at: number): void {
    for (const [id, seen] of lastSeen) if (at - seen >= idleMs) lastSeen.delete(id);
  }

  return {
    get entryToken() {
      return entry;
    },
    enter(given) {
      if (entry === null || !sameSecret(given, entry)) return null;
      entry = null;
      const at = now();
      prune(at);
      const id = newSecret();
      lastSeen.set(id, at);
      return id;
    },
    check(id) {
      if (id === undefined) return false;
      const at = now();
      prune(at);
      // The map lookup is not constant-time, but ids are 256 random bits: timing reveals nothing usable.
      if (!lastSeen.has(id)) return false;
      lastSeen.set(id, at);
      return true;
    },
    renewEntry() {
      entry = newSecret();
      return entry;
    },
    clear() {
      entry = null;
      lastSeen.clear();
    },
  };
}
