// Result shapes of the Settings calls (connection, prices, replacements, opt-outs). Pure types.
import type { PriceTable } from '../sms/prices';

/** A connection test never throws for a refusal: the refusal is the answer the operator needs. */
export type ConnectionTestResult = { ok: true; balanceEur: number | null } | { ok: false; message: string };

export type PriceSource = 'messente' | 'file' | 'manual' | 'none';

export interface PricesState {
  table: PriceTable;
  source: PriceSource;
  /** When the table was last fetched from Messente (ISO time), whatever the current source. */
  fetchedAt: string | null;
  /** True for test mode's own table (the simulator's prices), kept apart from the live account's. */
  testMode?: boolean;
}

export interface PricesFetchResult extends PricesState {
  /** True when the table came from the cache because the last fetch was under 2 hours ago. */
  fromCache: boolean;
  /** When Messente may be asked again (ISO time). */
  nextFetchAt: string;
  problems: string[];
}

export interface PricesImportResult extends PricesState {
  /** Lines that were skipped, each naming its line number. */
  problems: string[];
}

export interface ReplacementsResult {
  /** The saved table in its text form (one `from => to` per line). */
  text: string;
  /** Problems of the submitted text, naming line numbers; when any, nothing was saved. */
  problems: string[];
  saved: boolean;
}

export interface OptOutEntry {
  phone: string;
  addedAt: string;
  /** Where it came from: manual, import, messente, campaign… */
  source: string;
}

export interface OptOutInvalid {
  /** 1-based line of the input (textarea line or CSV line). */
  line: number;
  value: string;
  reason: string;
}

export interface OptOutsAddResult {
  added: number;
  /** Valid numbers already on the list. */
  alreadyListed: number;
  invalid: OptOutInvalid[];
  total: number;
}

export interface OptOutsSyncResult {
  /** Numbers from Messente's blacklist added to the local list. */
  pulled: number;
  /** Local numbers added to Messente's blacklist. */
  pushed: number;
  /** Messente numbers that are not valid phone numbers (left out). */
  skipped: number;
  total: number;
}

/** The test send's outcome in one plain sentence (refusal, no answer…): never thrown. */
export type TestSendResult =
  { ok: true; omnimessageId: string; message: string } | { ok: false; message: string };

/** What campaigns.refreshStatuses answers at once; the refresh itself runs in the background. */
export interface RefreshStarted {
  /** False when a refresh of this campaign was already running and the call joined it. */
  started: boolean;
  /** Rows the refresh asks about (accepted, without a final delivery status). */
  total: number;
}

/** A desktop export's progress: at most ~5 a second, and once at the end (done). */
export interface ExportProgress {
  /** The id the renderer gave in reports.export. */
  exportId: string;
  /** Rows written so far. */
  rows: number;
  /** Rows the export will write; null when the source cannot tell in advance. */
  total: number | null;
  done: boolean;
  /** Ended by reports.cancelExport: the partial file was removed. */
  cancelled: boolean;
}

/** A delivery status refresh's progress: at most ~4 a second, and once at the end (done). */
export interface StatusRefreshProgress {
  campaignId: number;
  checked: number;
  total: number;
  /** Status changes recorded so far. */
  changed: number;
  done: boolean;
  /** Ended by campaigns.cancelRefresh (or the app closing) before every row was asked. */
  cancelled: boolean;
  /** Set when done and no status could be checked: what happened and what to do. */
  error: string | null;
}
