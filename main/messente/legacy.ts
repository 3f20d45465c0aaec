// The legacy API (balance, prices) answers HTTP 200 with "OK …" or "ERROR 1xx"/"ERROR 209" text
// (older endpoints said "FAILED …"); these are the codes Messente documents for it, as sentences an
// operator can act on.
const SERVER_FAILURE = 'Messente had a server failure (209); try again in a few seconds.';
const WRONG_PARAMETERS = 'Messente said the request was missing parameters or had wrong ones (102).';

const LEGACY_ERRORS: Record<string, string> = {
  'ERROR 101':
    'Messente refused the API username or password (101). Use the API credentials from Dashboard → API settings, not your dashboard login.',
  'ERROR 102': WRONG_PARAMETERS,
  'ERROR 103':
    "Messente refused this computer's IP address (103): add it (or 0.0.0.0/0) to the API key's IP allow-list in Dashboard → API settings.",
  'ERROR 104': 'Messente does not know that country (104).',
  'ERROR 105': 'Messente does not support that country (105).',
  'ERROR 106': 'Messente refused the price list format asked for (106).',
  'ERROR 111': 'Messente refused the sender name (111).',
  'ERROR 209': SERVER_FAILURE,
  'FAILED 102': WRONG_PARAMETERS,
  'FAILED 209': SERVER_FAILURE,
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
