// Every campaign command of `omnicast` opens the same core as the desktop app and calls its
// handlers: the same settings, balance check, opt-outs, caps and sending engine. What the command
// line adds is only where the flags override the settings, and how it speaks (exit codes).
import { parseCallArgs, type CallName, type CallResults, type Handlers } from '../../shared/contract';
import type { CallArgs } from '../../shared/contract';
import { apiUrlProblem } from '../../shared/api-url';
import type { PriceTable } from '../../shared/sms';
import { createCore, type Core } from '../core';
import { openCredentialStore, type CredentialStore } from '../credentials/store';
import { UserError } from '../errors';
import type { LiveTarget } from '../messente/targets';
import type { Platform } from '../platform';
import { VERSION } from '../version';
import { dataFolderFailure } from './data-dir';
import { CliFailure, UsageError, type CliIO } from './command';

export const TARGET_OPTIONS = {
  'api-url': { type: 'string' },
  'legacy-url': { type: 'string' },
  'test-mode': { type: 'boolean' },
  live: { type: 'boolean' },
} as const;

export const TARGET_HELP = [
  '  --api-url URL            Omnichannel API base (default: the app’s setting, https://api.messente.com/v1)',
  '  --legacy-url URL         balance/prices API base (default: the one that goes with --api-url)',
  '  --test-mode              rehearse with the built-in simulator: nothing leaves this computer',
  '  --live                   send through Messente even when the app is in test mode',
  '  Without these, the app’s Settings decide (test mode, API URL). A campaign keeps where it was sent:',
  '  status, report, resume and unknown use it without these flags.',
  '  Credentials: MESSENTE_USERNAME and MESSENTE_PASSWORD, else the ones saved in the app (keychain).',
];

export interface TargetValues {
  'api-url'?: string;
  'legacy-url'?: string;
  'test-mode'?: boolean;
  live?: boolean;
}

/** The flags' target: test mode, live URLs (what is not named comes from the settings), or none. */
export function targetFrom(values: TargetValues): Partial<LiveTarget> | 'test' | undefined {
  const urls = { apiUrl: values['api-url'], legacyUrl: values['legacy-url'] };
  const named = urls.apiUrl !== undefined || urls.legacyUrl !== undefined;
  if (values['test-mode']) {
    if (named || values.live) throw new UsageError('--test-mode sends nowhere: drop --live and the URLs.');
    return 'test';
  }
  for (const [name, url] of [
    ['api-url', urls.apiUrl],
    ['legacy-url', urls.legacyUrl],
  ] as const) {
    const problem = url === undefined ? null : apiUrlProblem(url);
    // The address itself is not repeated: it may hold a password.
    if (problem) throw new UsageError(`--${name}: ${problem}`);
  }
  if (!named) return values.live ? {} : undefined;
  return {
    ...(urls.apiUrl === undefined ? {} : { apiUrl: urls.apiUrl.replace(/\/+$/, '') }),
    ...(urls.legacyUrl === undefined ? {} : { legacyUrl: urls.legacyUrl.replace(/\/+$/, '') }),
  };
}

/** Environment first (scripts, CI), then the keychain the desktop app saved to (opened only then). */
export function envOrKeychainStore(io: CliIO): CredentialStore {
  let keychain: Promise<CredentialStore> | undefined;
  const store = () => (keychain ??= openCredentialStore());
  return {
    kind: 'keychain',
    async get() {
      const username = io.env.MESSENTE_USERNAME;
      const password = io.env.MESSENTE_PASSWORD;
      if (username && password) return { username, password };
      return (await store()).get();
    },
    save: async (c) => (await store()).save(c),
    remove: async () => (await store()).remove(),
  };
}

export interface CliCore {
  core: Core;
  credentials: CredentialStore;
  /** One handler of the app's contract; a refusal meant for the operator becomes exit 1 with its words. */
  call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResults[K]>;
  close(): Promise<void>;
}

export interface CliCoreOptions {
  dataDir: string;
  io: CliIO;
  target?: TargetValues;
  prices?: PriceTable;
  /** Where `reports.export` writes; other commands export nothing. */
  platform?: Platform;
}

const noExports: Platform = {
  offerExport: () => Promise.reject(new CliFailure('this command writes no export.')),
};

export async function openCliCore(o: CliCoreOptions): Promise<CliCore> {
  const target = targetFrom(o.target ?? {});
  const credentials = envOrKeychainStore(o.io);
  let core: Core;
  try {
    core = await createCore({
      dataDir: o.dataDir,
      platform: o.platform ?? noExports,
      version: VERSION,
      credentials,
      background: false,
      notice: (line) => o.io.stderr.write(`${line}\n`),
      ...(target === undefined ? {} : { target }),
      ...(o.prices === undefined ? {} : { prices: o.prices }),
    });
  } catch (error) {
    throw dataFolderFailure(error, o.dataDir);
  }
  const handlers: Handlers = core.handlers;
  return {
    core,
    credentials,
    async call(name, args) {
      // Checked against the contract like every call from the app; the bulk rows of
      // addRecipients come straight from the importer, whose output already has that shape.
      if (name !== 'campaigns.addRecipients') {
        const parsed = parseCallArgs(name, args);
        if (!parsed.ok) throw new UsageError(parsed.message);
      }
      const handler = handlers[name] as (a: typeof args) => Promise<CallResults[typeof name]>;
      try {
        return await handler(args);
      } catch (error) {
        if (error instanceof UserError) throw new CliFailure(error.message);
        throw error;
      }
    },
    close: () => core.close(),
  };
}

/** Live sending needs credentials: said before anything is imported or asked. */
export async function requireCredentials(cli: CliCore, testMode?: boolean): Promise<void> {
  if (testMode ?? (await cli.call('app.info', {})).testMode) return;
  if (await cli.credentials.get()) return;
  throw new UsageError(
    'no Messente API credentials: set MESSENTE_USERNAME and MESSENTE_PASSWORD, or save them in the app’s Settings (or rehearse with --test-mode).',
  );
}

/** The campaign, or null when there is none; any other failure (a damaged database) speaks for itself. */
export function findCampaign(cli: CliCore, id: number): Promise<CallResults['campaigns.get'] | null> {
  return cli.call('campaigns.get', { id }).catch((error: unknown) => {
    // Only "no such campaign" comes back as a CliFailure from the handler.
    if (error instanceof CliFailure) return null;
    throw error;
  });
}
