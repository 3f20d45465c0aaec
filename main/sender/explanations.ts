// What each error code means for the operator, and what to do. Messente's codes 101–107 are
// documented; the others are ours, for what happened on the way (network, timeouts, crashes).

interface Explained {
  title: string;
  explanation: string;
}

const EXPLANATIONS: Record<string, Explained> = {
  '101': {
    title: 'Not found',
    explanation: 'Messente did not find what the request referred to. Check the API address in Settings.',
  },
  '102': {
    title: 'Forbidden',
    explanation:
      'Messente refused this message for this account. Check that the account may send to this country and that the sender name is allowed.',
  },
  '103': {
    title: 'Unauthorized',
    explanation:
      'Messente did not accept the API username and password. Check the API credentials in Settings (not the dashboard login) and the API key’s IP allow-list.',
  },
  '104': {
    title: 'Internal Server Error',
    explanation: 'Messente had an internal error with this message. Try these rows again later.',
  },
  '105': {
    title: 'Invalid data',
    explanation:
      'Messente found a value it does not accept, often an unregistered sender name or a malformed phone number. The detail names the field.',
  },
  '106': {
    title: 'Missing data',
    explanation: 'A required value was missing from the message, for example an empty text.',
  },
  '107': {
    title: 'Method not allowed',
    explanation: 'Messente does not allow this request. Check the API address in Settings.',
  },
  network: {
    title: 'Could not reach Messente',
    explanation:
      'The connection to Messente failed every time it was tried, so these messages were not sent. Check the internet connection and send these rows again.',
  },
  'rate-limited': {
    title: 'Too many requests',
    explanation:
      'Messente kept asking us to slow down (HTTP 429) and these messages were not sent. Send these rows again at a lower speed.',
  },
  unavailable: {
    title: 'Messente unavailable',
    explanation:
      'Messente answered that it was unavailable every time it was tried, so these messages were not sent. Send these rows again later.',
  },
  timeout: {
    title: 'No answer in time',
    explanation:
      'Messente did not answer in time. The message may or may not have been sent: check the recipient, then mark the row as sent or send it again.',
  },
  reset: {
    title: 'Connection lost',
    explanation:
      'The connection was lost after the message left. It may or may not have been sent: check, then mark the row as sent or send it again.',
  },
  'server-error': {
    title: 'Messente server error',
    explanation:
      'Messente answered with a server error after receiving the message. It may or may not have been sent: check, then mark the row as sent or send it again.',
  },
  'shared-id': {
    title: 'Same id for two messages',
    explanation:
      'Messente answered with one omnimessage id for several rows, so whether each was sent cannot be told from the answer. Check, then mark the row as sent or send it again.',
  },
  'bad-response': {
    title: 'Unreadable answer',
    explanation:
      'Messente’s answer could not be read. The message may or may not have been sent: check, then mark the row as sent or send it again.',
  },
  interrupted: {
    title: 'Interrupted while sending',
    explanation:
      'Omnicast stopped while this message was on its way. It may or may not have been sent: check, then mark the row as sent or send it again.',
  },
};

export function explain(code: string, title: string | null): Explained {
  const known = EXPLANATIONS[code];
  if (known) return { title: title ?? known.title, explanation: known.explanation };
  return {
    title: title ?? `Error ${code}`,
    explanation: 'Messente refused these messages; the detail of each row says why.',
  };
}

/** Plain title for one of our own codes, stored on the row so reports read well without this table. */
export function ownTitle(code: string): string {
  return EXPLANATIONS[code]?.title ?? code;
}
