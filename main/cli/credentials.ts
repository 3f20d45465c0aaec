import { apiUrlProblem } from '../../shared/api-url';
import { openCredentialStore, type Credentials } from '../credentials/store';
import { LEGACY_API_URL } from '../core';
import { UsageError, type CliIO } from './command';

export const API_OPTIONS = {
  'api-url': { type: 'string' },
  'legacy-url': { type: 'string' },
} as const;

export const API_HELP = [
  '  --api-url URL            Omnichannel API base (default https://api.messente.com/v1)',
  '  --legacy-url URL         balance/prices API base (default https://api2.messente.com)',
  '  Credentials: MESSENTE_USERNAME and MESSENTE_PASSWORD, else the ones saved in the app (keychain).',
];

export function apiUrls(values: { 'api-url'?: string; 'legacy-url'?: string }): {
  apiUrl: string;
  legacyUrl: string;
} {
  const apiUrl = values['api-url'] ?? 'https://api.messente.com/v1';
  const legacyUrl = values['legacy-url'] ?? LEGACY_API_URL;
  for (const [name, url] of [
    ['api-url', apiUrl],
    ['legacy-url', legacyUrl],
  ] as const) {
    const problem = apiUrlProblem(url);
    // The address itself is not repeated: it may hold a password.
    if (problem) throw new UsageError(`--${name}: ${problem}`);
  }
  return { apiUrl: apiUrl.replace(/\/+$/, ''), legacyUrl: legacyUrl.replace(/\/+$/, '') };
}

/** Environment first (scripts, CI), then the keychain the desktop app saved to. */
export async function credentialsFromEnvOrKeychain(io: CliIO): Promise<Credentials> {
  const username = io.env.MESSENTE_USERNAME;
  const password = io.env.MESSENTE_PASSWORD;
  if (username && password) return { username, password };
  const saved = await (await openCredentialStore()).get();
  if (saved) return saved;
  throw new UsageError(
    'no Messente API credentials: set MESSENTE_USERNAME and MESSENTE_PASSWORD, or save them in the app’s Settings.',
  );
}
