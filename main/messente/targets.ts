// Where a campaign's requests go. Messente answers the Omnichannel API and the older account API
// (balance, price list) on different hosts; any other API URL (a simulator, a proxy) serves both
// from its own origin, as the simulator does. Deriving one from the other keeps a custom API URL
// from sending its balance question to Messente's host. (Words for a target: shared/send-target.ts.)

export const LEGACY_API_URL = 'https://api2.messente.com';

/** A live campaign's destination; test-mode campaigns use the in-process simulator instead. */
export interface LiveTarget {
  apiUrl: string;
  legacyUrl: string;
}

/** The account API base that belongs with this Omnichannel API base. */
export function legacyUrlFor(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    return LEGACY_API_URL;
  }
  if (url.hostname === 'api.messente.com') return LEGACY_API_URL;
  return url.origin;
}
