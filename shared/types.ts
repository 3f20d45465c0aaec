// Domain types shared by main, the renderer, its worker and the CLI. Pure declarations only.

// Messente's autoconvert modes (sent as these exact strings; the spec's enum is wrong).
import type { Autoconvert } from './limits';
import type { ExportDelimiter } from './import/csv';
import type { DeliveryPlanArgs, ProblemChoicesArgs } from './contract/delivery-plan';
export { AUTOCONVERT_MODES, type Autoconvert } from './limits';

export type Encoding = 'GSM-7' | 'UCS-2';

/** Amounts are integers in micro-euros (1 EUR = 1 000 000) so that sums never drift. */
export type Micros = number;

export type CampaignStatus = 'draft' | 'sending' | 'paused' | 'completed' | 'cancelled' | 'interrupted';

/** A recipient row's sending state. */
export type MessageState = 'skipped' | 'queued' | 'sending' | 'accepted' | 'failed' | 'unknown' | 'cancelled';
export const MESSAGE_STATES: readonly MessageState[] = [
  'skipped',
  'queued',
  'sending',
  'accepted',
  'failed',
  'unknown',
  'cancelled',
];

export type StateCounts = Record<MessageState, number>;

/** Why an imported row will never be sent. */
export type RecipientStatus = 'ok' | 'invalid' | 'duplicate' | 'opted_out';

/** One data row of an imported recipients file, as the import logic hands it on. */
export interface ImportedRecipient {
  /** 1-based data row number: the spreadsheet's row number minus the header row. */
  row: number;
  /** Every original value, one per header column, untouched. */
  fields: string[];
  /** The phone cell as it was in the file. */
  rawPhone: string;
  /** E.164 (`+` and digits) when the number is valid, else null. */
  to: string | null;
  status: RecipientStatus;
  /** Plain-language reason when status is not `ok`. */
  reason: string | null;
  /**
   * Only for a workbook row with at least one date cell: per column (indexed like `fields`), the
   * date the cell holds as a zone-less local ISO date ("2026-05-04") or date-time
   * ("2026-05-04T09:30", or "2026-05-04T09:30:15" when the seconds are not zero), null for the
   * other cells. `fields` keeps the date as the sheet shows it. Read it with rawDate() (import/model).
   */
  dates?: (string | null)[];
}

export interface CampaignSummary {
  id: number;
  name: string;
  status: CampaignStatus;
  testMode: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  total: number;
  counts: StateCounts;
  segments: number;
  /** Predicted cost of the rows that will be (or were) sent; null when no price is known for any. */
  /** The bottom of the predicted range (every row at its cheapest network); the top is predictedCostMicros. */
  predictedCostMinMicros?: Micros | null;
  predictedCostMicros: Micros | null;
  /** Rows whose country has no price: their cost is unknown, never zero. */
  unpricedRows: number;
  /** Sum of Messente's `price_info.total_price`, null until a status reports it. */
  billedCostMicros: Micros | null;
  /** Scheduled delivery (Messente's time_to_send), UTC ISO-8601; null = delivered on sending. */
  timeToSend: string | null;
  /**
   * What became of cancelling the scheduled messages at Messente (campaigns.cancel, or
   * campaigns.pause with cancelScheduled); absent when none was asked.
   */
  scheduleCancel?: ScheduleCancelCounts;
  /**
   * A campaign delivered row by row at each row's own time: the latest delivery time among its rows
   * accepted or still to be submitted (UTC ISO-8601). While it is ahead the campaign is "scheduled
   * until" then; absent or null for a campaign without per-row times.
   */
  scheduledUntil?: string | null;
}

export type ScheduleCancelOutcome = 'cancelled' | 'already-sent' | 'unknown';

/** Rows whose scheduled message Messente cancelled (202), had already sent (404), or unclear. */
export interface ScheduleCancelCounts {
  cancelled: number;
  alreadySent: number;
  unknown: number;
}

export interface CampaignDetail extends CampaignSummary {
  template: string;
  sender: string;
  autoconvert: Autoconvert;
  country: string;
  phoneColumn: string;
  columns: string[];
  sourceFile: string;
  rate: number;
  maxCostMicros: Micros | null;
  /** 1-based spreadsheet row of the header: a row's spreadsheet row is its data row + headerRow. */
  headerRow: number;
  /** The imported file's delimiter (, ; or tab), the delivery report's by default. */
  delimiter: ExportDelimiter;
  /** Failed and unknown rows grouped by error code, most frequent first. */
  errors: ErrorGroup[];
  /**
   * Where the campaign's messages go (went), in words: "Messente", "the test simulator (…)" or
   * "the custom API URL …": its own target, whatever the settings say now.
   */
  sendsTo?: string;
  /** The time column and its rules when each row is delivered at its own time; else null. */
  deliveryPlan?: DeliveryPlanArgs | null;
  /** What was chosen for rows whose time could not be scheduled (with a delivery plan). */
  problemChoices?: ProblemChoicesArgs | null;
}

/** Why a row's own delivery time could not be scheduled as planned. */
export type RowTimeProblem = 'unparseable' | 'past' | 'too-far';

export interface MessageRow {
  row: number;
  fields: string[];
  rawPhone: string;
  to: string | null;
  state: MessageState;
  skipReason: string | null;
  text: string;
  encoding: Encoding;
  segments: number;
  predictedCostMicros: Micros | null;
  omnimessageId: string | null;
  messageId: string | null;
  httpStatus: number | null;
  errorCode: string | null;
  errorTitle: string | null;
  errorDetail: string | null;
  errorSource: string | null;
  attempts: number;
  sentAt: string | null;
  deliveryStatus: string | null;
  deliveryError: string | null;
  deliveredAt: string | null;
  billedCostMicros: Micros | null;
  /** For a scheduled campaign cancelled or paused: what Messente said about this row's message. */
  scheduleCancel?: ScheduleCancelOutcome | null;
  /** With a delivery plan: the row's appointment, ISO-8601 with its zone's offset; null when unread. */
  appointment?: string | null;
  /** The row's own delivery time (Messente's time_to_send), UTC ISO-8601; null = on submission. */
  sendAt?: string | null;
  /** The row's time zone (IANA), from its country or the operator's. */
  zone?: string | null;
  /** Why its time could not be scheduled as planned, and the choice made for that group applied. */
  timeProblem?: RowTimeProblem | null;
  /**
   * Kept in Omnicast because its delivery time is beyond Messente's scheduling window: submitted
   * once the window reaches it, at this UTC time, if Omnicast is running then.
   */
  holdUntil?: string | null;
}

export interface ErrorGroup {
  code: string;
  title: string;
  count: number;
  /** What it means and what to do, in the operator's words. */
  explanation: string;
}

export interface CampaignProgress {
  campaignId: number;
  status: CampaignStatus;
  total: number;
  counts: StateCounts;
  /** Messages per second over the last few seconds. */
  currentRate: number;
  /** Seconds until the queue is empty at the configured rate; null when not sending. */
  etaSeconds: number | null;
  errors: ErrorGroup[];
  /** Why the campaign stopped by itself (credentials, spending cap), in plain words. */
  stopReason: string | null;
}

export interface Settings {
  testMode: boolean;
  defaultSender: string;
  defaultCountry: string;
  defaultRate: number;
  defaultAutoconvert: Autoconvert;
  apiUrl: string;
  /** The most segments one rendered message may take; longer messages hold the campaign back. */
  maxSegments: number;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  testMode: boolean;
  /** Where new campaigns go, in words: "Messente", "the test simulator (…)" or "the custom API URL …". */
  sendsTo?: string;
  /** Where credentials are kept: the OS keychain, or memory only when none is available. */
  credentialStore: 'keychain' | 'memory';
}

export interface CredentialsStatus {
  saved: boolean;
  username: string | null;
  store: 'keychain' | 'memory';
}

export interface SavedTemplate {
  id: number;
  name: string;
  body: string;
  updatedAt: string;
}

/** How an export reached the user: written by main (desktop save dialog) or offered as a download. */
export type ExportResult =
  { kind: 'saved'; path: string; rows: number } | { kind: 'download'; url: string } | { kind: 'cancelled' };
