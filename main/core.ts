import type { Handlers } from '../shared/contract';
import { openCredentialStore, type CredentialStore } from './credentials/store';
import { openDatabase, type Db } from './db/database';
import { getCampaign } from './db/queries/campaigns';
import { EventBus } from './events';
import { createHandlers } from './handlers';
import { UserError } from './errors';
import { createMessenteClient } from './messente';
import type { Platform } from './platform';
import { createSender, type Sender } from './sender';
import { RequestLimiter } from './status/limiter';
import { createStatusPoller, type StatusPoller } from './status/poller';
import { readPricing } from './settings/pricing';
import { readSettings } from './settings/settings';
import { createTestModeSimulator, type TestModeSimulator } from './test-mode';

export interface CoreOptions {
  dataDir: string;
  platform: Platform;
  version: string;
  /** Tests hand in a memory store; the app opens the OS keychain. */
  credentials?: CredentialStore;
  /** Legacy API base (balance, price list); tests point it at a simulator. */
  legacyUrl?: string;
  /** Clock for the price cache; tests hand in their own. */
  now?: () => number;
}

export interface Core {
  handlers: Handlers;
  events: EventBus;
  db: Db;
  sender: Sender;
  statuses: StatusPoller;
  /** Campaigns found `sending` at start-up: marked interrupted, waiting for the user. */
  interrupted: number[];
  close(): Promise<void>;
}

export const LEGACY_API_URL = 'https://api2.messente.com';

export async function createCore(options: CoreOptions): Promise<Core> {
  const db = openDatabase(options.dataDir);
  const credentials = options.credentials ?? (await openCredentialStore());
  const events = new EventBus();
  const simulator: TestModeSimulator = createTestModeSimulator();

  // Test-mode campaigns talk to the in-process simulator, the others to Messente with the saved
  // credentials: for sending and for delivery statuses alike.
  const clientFor = async (testMode: boolean) => {
    if (testMode) return createMessenteClient(await simulator.connection());
    const saved = await credentials.get();
    if (!saved) {
      throw new UserError(
        'Add your Messente API username and password in Settings, or turn on test mode to rehearse without sending.',
        'no_credentials',
      );
    }
    const legacyUrl = options.legacyUrl ?? LEGACY_API_URL;
    return createMessenteClient({ apiUrl: readSettings(db).apiUrl, legacyUrl, ...saved });
  };
  const getClient = async (campaignId: number) => clientFor(getCampaign(db, campaignId)?.testMode ?? false);
  // Messente's limit is per IP: every campaign and the status checks share one request budget.
  const limiter = new RequestLimiter();
  const sender = createSender({ db, events, getClient, limiter });
  const statuses = createStatusPoller({ db, getClient, limiter });
  // A campaign that was sending when the app stopped never continues by itself.
  const interrupted = sender.recoverInterrupted();
  statuses.start();

  const handlers = createHandlers({
    db,
    events,
    platform: options.platform,
    credentials,
    sender,
    statuses,
    info: () => ({
      version: options.version,
      dataDir: options.dataDir,
      testMode: readSettings(db).testMode,
      credentialStore: credentials.kind,
    }),
    pricing: () => readPricing(db),
    messente: () => clientFor(readSettings(db).testMode),
    campaignClient: getClient,
    now: options.now ?? Date.now,
  });

  return {
    handlers,
    events,
    db,
    sender,
    statuses,
    interrupted,
    async close() {
      // Running exports read from the database: they stop (and remove their partial files) first.
      await options.platform.close?.();
      await statuses.stop();
      // Closing the app pauses every campaign: in-flight requests finish and are recorded first.
      await sender.shutdown();
      await simulator.close();
      db.close();
    },
  };
}
