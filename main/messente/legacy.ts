// The legacy API (balance, price list) answers HTTP 200 with "OK …" or "ERROR 1xx" text; these are
// the codes turned into sentences an operator can act on.
const LEGACY_ERRORS: Record<string, string> = {
  'ERROR 101':
    'Messente refused the API username or password. Use the API credentials from Dashboard → API settings, not your dashboard login.',
  'ERROR 102': 'Messente said the request was missing parameters or had wrong ones.',
  'ERROR 103':
    "Messente refused this computer's IP address: add it (or 0.0.0.0/0) to the API key's IP allow-list in Dashboard → API settings.",
  'ERROR 104': 'Messente does not know that country.',
  'ERROR 111': 'Messente refused the sender name.',
  'FAILED 209': 'Messente had a server failure; try again in a few minutes.',
};

/** A legacy error text as a sentence, or null when the text is not an error. */
export function legacyError(body: string): string | null {
  const head = body.trim().split(/\s+/).slice(0, 2).join(' ');
  if (!/^(ERROR|FAILED)\b/.test(head)) return null;
  return LEGACY_ERRORS[head] ?? `Messente answered "${head.slice(0, 40)}".`;
}

/** "OK 10.23" → 10.23 (EUR, as Messente states it). */
export function parseBalance(body: string): number | null {
  const match = /^OK\s+(-?\d+(?:\.\d+)?)\s*$/.exec(body.trim());
  return match ? Number(match[1]) : null;
}
