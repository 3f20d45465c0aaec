import type { Handlers } from '../shared/contract';
import { openCredentialStore, type CredentialStore } from './credentials/store';
import { openDatabase, type Db } from './db/database';
import { campaignTestMode, getCampaignTarget } from './db/queries/campaigns';
import { EventBus } from './events';
import { createHandlers } from './handlers';
import { UserError } from './errors';
import { createMessenteClient } from './messente';
import { legacyUrlFor, type LiveTarget } from './messente/targets';
import { targetWords } from '../shared/send-target';
import type { PriceTable } from '../shared/sms';
import type { CurrentTarget } from './handlers/context';
import type { Platform } from './platform';
import { createSender, type Sender } from './sender';
import { RequestLimiter } from './delivery-status/limiter';
import { createStatusPoller, type StatusPoller } from './delivery-status/poller';
import { readPricing, type Pricing } from './settings/pricing';
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
  /**
   * The command line's flags: a live target (`--api-url`) or test mode (`--test-mode`) in place
   * of the saved settings, for this core only. Absent: the settings decide.
   */
  target?: Partial<LiveTarget> | 'test';
  /** The command line's `--prices FILE`: prices for new campaigns instead of the saved table. */
  prices?: PriceTable;
  /**
   * The desktop app and web host run background work: scheduled status checks, and recovery of
   * campaigns left `sending` by a crash. The command line sets false: another process (the app)
   * may be sending right now, and each command recovers only the campaign it resumes.
   */
  background?: boolean;
  /** One-line notes for the operator while opening (the data folder was made private). */
  notice?: (line: string) => void;
}

export interface Core {
  handlers: Handlers;
  events: EventBus;
  db: Db;
  sender: Sender;
  statuses: StatusPoller;
  /** The prices and replacements new campaigns of that world get (default: the current one). */
  pricing: (testMode?: boolean) => Pricing;
  /** Where new campaigns and account calls go now (the command line's flags, else the settings). */
  target: () => CurrentTarget;
  /** Where an existing campaign's requests go: where it was sent, unless this run's flags redirect it. */
  campaignTarget: (campaignId: number) => LiveTarget;
  /** Campaigns found `sending` at start-up: marked interrupted, waiting for the user. */
  interrupted: number[];
  close(): Promise<void>;
}

export { LEGACY_API_URL } from './messente/targets';

export async function createCore(options: CoreOptions): Promise<Core> {
  const db = openDatabase(options.dataDir, { notice: options.notice });
  const credentials = options.credentials ?? (await openCredentialStore());
  const events = new EventBus();
  const simulator: TestModeSimulator = createTestModeSimulator(options.dataDir);

  // Where new campaigns and account calls go now: the command line's flags, else the settings.
  const explicit = typeof options.target === 'object' ? options.target : null;
  const liveTarget = (): LiveTarget => {
    const apiUrl = explicit?.apiUrl ?? readSettings(db).apiUrl;
    return { apiUrl, legacyUrl: explicit?.legacyUrl ?? options.legacyUrl ?? legacyUrlFor(apiUrl) };
  };
  const target = (): CurrentTarget => {
    if (options.target === 'test') return { testMode: true, live: liveTarget() };
    if (explicit) return { testMode: false, live: liveTarget() };
    return { testMode: readSettings(db).testMode, live: liveTarget() };
  };
  // Test-mode campaigns talk to the in-process simulator, the others to Messente with the saved
  // credentials: for sending and for delivery statuses alike.
  const clientFor = async (testMode: boolean, live: LiveTarget) => {
    if (testMode) return createMessenteClient(await simulator.connection());
    const saved = await credentials.get();
    if (!saved) {
      throw new UserError(
        'Add your Messente API username and password in Settings, or turn on test mode to rehearse without sending.',
        'no_credentials',
      );
    }
    return createMessenteClient({ ...live, ...saved });
  };
  // A campaign goes on talking to where it was sent, whatever the settings say now; only URLs
  // named on the command line for this run redirect it.
  const campaignTarget = (campaignId: number): LiveTarget =>
    (explicit ? null : getCampaignTarget(db, campaignId)) ?? liveTarget();
  const getClient = async (campaignId: number) =>
    clientFor(campaignTestMode(db, campaignId) ?? false, campaignTarget(campaignId));
  // Messente's limit is per IP: every campaign and the status checks share one request budget.
  const limiter = new RequestLimiter();
  const sender = createSender({ db, events, getClient, limiter });
  const statuses = createStatusPoller({ db, getClient, limiter });
  // A campaign that was sending when the app stopped never continues by itself.
  const background = options.background ?? true;
  const interrupted = background ? sender.recoverInterrupted() : [];
  if (background) statuses.start();

  const pricing = (testMode?: boolean): Pricing => {
    const saved = readPricing(db, testMode ?? target().testMode);
    return options.prices ? { ...saved, prices: options.prices } : saved;
  };
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
      testMode: target().testMode,
      sendsTo: targetWords(target().testMode, target().live.apiUrl),
      credentialStore: credentials.kind,
    }),
    pricing,
    target,
    messente: () => {
      const now = target();
      return clientFor(now.testMode, now.live);
    },
    campaignClient: getClient,
    campaignTarget,
    now: options.now ?? Date.now,
  });

  return {
    handlers,
    events,
    db,
    sender,
    statuses,
    pricing,
    target,
    campaignTarget,
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
