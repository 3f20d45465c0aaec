// The one contract between renderer and main: call names, their arguments, their results and the
// events main pushes. Main implements `Handlers` once; IPC and the web host both carry it.
import type {
  AppInfo,
  CampaignDetail,
  CampaignProgress,
  CampaignSummary,
  CredentialsStatus,
  ExportResult,
  MessageRow,
  SavedTemplate,
  ScheduleCancelCounts,
  Settings,
} from '../types';
import type { CallArgs } from './args';
import type {
  ConnectionTestResult,
  ExportProgress,
  OptOutEntry,
  OptOutsAddResult,
  OptOutsSyncResult,
  PricesFetchResult,
  PricesImportResult,
  PricesState,
  RefreshStarted,
  ReplacementsResult,
  StatusRefreshProgress,
  TestSendResult,
} from './results';
import type { CallName, EventName } from './names';

export * from './names';
export { callArgs, parseCallArgs, MAX_FILE_CHARS, type CallArgs, type RowsFilter } from './args';
export type * from './results';
export {
  deliveryPlanSchema,
  problemChoicesSchema,
  DEFAULT_PROBLEM_CHOICES,
  isKnownZone,
  type DeliveryPlanArgs,
  type ProblemChoicesArgs,
} from './delivery-plan';

export interface CallResults {
  'app.info': AppInfo;
  'settings.get': Settings;
  'settings.update': Settings;
  'credentials.status': CredentialsStatus;
  'credentials.save': CredentialsStatus;
  'credentials.delete': CredentialsStatus;
  'templates.list': SavedTemplate[];
  'templates.save': SavedTemplate;
  'templates.delete': { deleted: boolean };
  'campaigns.list': CampaignSummary[];
  'campaigns.get': CampaignDetail;
  'campaigns.create': { id: number };
  'campaigns.addRecipients': { added: number; total: number };
  'campaigns.rows': { total: number; rows: MessageRow[] };
  'campaigns.start': CampaignSummary;
  'campaigns.pause': CampaignSummary;
  'campaigns.resume': CampaignSummary;
  'campaigns.cancel': CampaignSummary;
  /**
   * Takes back chosen rows' scheduled messages before their own delivery time (DELETE at Messente):
   * each is cancelled, already sent (its time had passed), or unknown; `message` says so in words.
   */
  'campaigns.cancelRows': ScheduleCancelCounts & { message: string; summary: CampaignSummary };
  /**
   * Starts (or, when one runs, joins) a background refresh asking Messente about every accepted row
   * whose delivery status may still change; its progress arrives as 'status.progress' events.
   */
  'campaigns.refreshStatuses': RefreshStarted;
  /** Stops a running refresh: requests in flight finish, no new one starts. False when none ran. */
  'campaigns.cancelRefresh': { cancelled: boolean };
  /** A new draft campaign from the chosen kinds of rows (original row numbers kept). */
  'campaigns.retryFailed': { id: number };
  /** Accepted rows by latest delivery status (DELIVRD, UNDELIV, …; PENDING = none yet). */
  'campaigns.deliveryCounts': Record<string, number>;
  /** One message, the template rendered with one row, to the operator's own number; never retried. */
  'campaigns.testSend': TestSendResult;
  /**
   * The operator's decision about `unknown` rows: checked and sent (they become accepted), or send
   * them again (queued; a finished campaign becomes paused, to be resumed). `message` says what was done.
   */
  'campaigns.markUnknown': { changed: number; message: string; summary: CampaignSummary };
  'reports.export': ExportResult;
  'reports.exportCampaigns': ExportResult;
  /** Stops a running desktop export and removes its partial file. False when none ran by that id. */
  'reports.cancelExport': { cancelled: boolean };
  /** Tries the saved credentials (or, in test mode, the simulator); explains 401 and 403. */
  'credentials.test': ConnectionTestResult;
  /** The balance of the account in use (test mode: the simulator's), and when it was read (ISO). */
  'account.balance': { eur: number; checkedAt?: string };
  'prices.get': PricesState;
  /** From Messente's /pricelist at most every 2 hours; within that, the cached table. */
  'prices.fetch': PricesFetchResult;
  'prices.import': PricesImportResult;
  /** Sets (or, with price null, removes) one country's price by hand. */
  'prices.set': PricesState;
  'replacements.get': ReplacementsResult;
  'replacements.set': ReplacementsResult;
  'optOuts.list': { total: number; phones: OptOutEntry[] };
  /** Every opted-out number (E.164), for the import to mark those rows before main re-checks. */
  'optOuts.numbers': string[];
  'optOuts.add': OptOutsAddResult;
  'optOuts.remove': { removed: boolean; total: number };
  'optOuts.import': OptOutsAddResult;
  'optOuts.export': ExportResult;
  /** Messente's blacklist both ways: theirs into ours, ours into theirs. */
  'optOuts.sync': OptOutsSyncResult;
}

/**
 * What a native menu item asks the window to do. The chosen file travels as base64 because every
 * transport carries JSON; main caps its size (a bigger file is dropped on the window instead).
 */
export type AppCommand =
  { command: 'newCampaign' } | { command: 'openRecipients'; fileName: string; bytesBase64: string };

export interface EventPayloads {
  'campaign.progress': CampaignProgress;
  'app.command': AppCommand;
  'status.progress': StatusRefreshProgress;
  'export.progress': ExportProgress;
}

// Compile-time proof that results and events cover exactly the names.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const resultsCoverCalls: Exact<keyof CallResults, CallName> = true;
const payloadsCoverEvents: Exact<keyof EventPayloads, EventName> = true;
void resultsCoverCalls;
void payloadsCoverEvents;

/** What every transport delivers for a call: the result, or an error meant for the operator. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string } };

/** Main's side: one function per call, receiving already-validated arguments. */
export type Handlers = {
  [K in CallName]: (args: CallArgs<K>) => Promise<CallResults[K]> | CallResults[K];
};

/** The renderer's side: the same for every transport. */
export interface OmnicastApi {
  call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResults[K]>;
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** The raw bridge a transport exposes (preload or HTTP): untyped, enveloped. */
export interface RawBridge {
  invoke(name: string, args: unknown): Promise<Envelope<unknown>>;
  subscribe(name: string, listener: (payload: unknown) => void): () => void;
}
