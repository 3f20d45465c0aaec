// URL checks used by navigation guards and IPC: the app's own pages are the only ones trusted with
// the bridge, and the only links handed to the operating system are plain https pages.

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is a page of the app itself. Compared by scheme and host rather than `origin`,
 * because WHATWG URL reports the origin of custom schemes (omnicast://app) as "null".
 */
export function isTrustedAppUrl(url: string, appUrl: string): boolean {
  const candidate = parse(url);
  const app = parse(appUrl);
  if (!candidate || !app) return false;
  if (candidate.username || candidate.password) return false;
  if (candidate.protocol !== app.protocol || candidate.host !== app.host) return false;
  // file:// has no host: every local file would "match", so only the app's own page does.
  if (app.protocol === 'file:') return candidate.pathname === app.pathname;
  return true;
}

/** Links that may be opened in the user's browser: https, with a host, without credentials. */
export function isSafeExternalUrl(url: string): boolean {
  const candidate = parse(url);
  return (
    candidate !== null &&
    candidate.protocol === 'https:' &&
    candidate.hostname !== '' &&
    candidate.username === '' &&
    candidate.password === ''
  );
}
