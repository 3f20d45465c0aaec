// Tests only: import a fixture file (or bytes) the way the app does, with Estonia as the default
// country, and read the outcome or the refusal. The test reads the file; this stays free of I/O.
import { importRecipients, type ImportOptions, type ImportResult } from './index';

export function fixtureImports(bytesOf: (name: string) => Uint8Array) {
  return {
    load(name: string, options: Partial<ImportOptions> = {}): ImportResult {
      const outcome = importRecipients(bytesOf(name), { fileName: name, defaultCountry: 'EE', ...options });
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.result;
    },
    refusal(name: string, options: Partial<ImportOptions> = {}): string {
      const outcome = importRecipients(bytesOf(name), { fileName: name, defaultCountry: 'EE', ...options });
      if (outcome.ok) throw new Error(`${name} was imported`);
      return outcome.error;
    },
  };
}

export function importBytes(bytes: Uint8Array): ImportResult {
  const outcome = importRecipients(bytes, { fileName: 'list.csv', defaultCountry: 'EE' });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

export const summary = (r: ImportResult) => r.recipients.map((x) => [x.row, x.to, x.status, x.reason]);
