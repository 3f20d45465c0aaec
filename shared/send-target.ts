// Where messages go, in the operator's words, said the same way by every face that asks before
// money is spent: the app's confirmation, the report screen's draft, `omnicast send` and `resume`.

/** Messente's Omnichannel API, the default target. */
export const DEFAULT_API_URL = 'https://api.messente.com/v1';

/** Whether the target is Messente itself rather than a custom URL. */
export function isMessente(apiUrl: string): boolean {
  return apiUrl.replace(/\/+$/, '') === DEFAULT_API_URL;
}

/**
 * "Messente", "the test simulator (nothing leaves this computer)" or "the custom API URL …".
 * `apiUrl` null: not known here (the renderer without the app's answer), taken as Messente's.
 */
export function targetWords(testMode: boolean, apiUrl: string | null): string {
  if (testMode) return 'the test simulator (nothing leaves this computer)';
  if (apiUrl === null || isMessente(apiUrl)) return 'Messente';
  return `the custom API URL ${apiUrl}`;
}
