// The shapes shared by the delivery-time rules, the main process and the screens: which column holds
// each row's appointment, when to send relative to it, and what became of each row.

/**
 * How a time column is written: a Luxon token pattern ('dd.MM.yyyy HH:mm', 'd.M.yyyy H:mm',
 * 'MM/dd/yyyy h:mm a', 'yyyy-MM-dd HH:mm'…), 'iso' (ISO 8601, with or without an offset) or 'excel'
 * (a spreadsheet date serial such as 45000.375, or the zone-less ISO date-time a workbook's date cell
 * holds).
 */
export type TimeFormat = string;

export interface TimeColumnGuess {
  /** Index in the file's columns. */
  column: number;
  /** Null when the column cannot decide, e.g. every day is 12 or less (03.04 or 04.03?). */
  format: TimeFormat | null;
  /** What to ask the operator to choose between when `format` is null; else `[format]`. */
  candidates: TimeFormat[];
  /** 0..1: the share of non-empty cells that parse with `format` (or the best candidate). */
  parsedShare: number;
}

export type SendRule =
  /** At the time in the column. */
  | { kind: 'at' }
  /** A number of real minutes before it: 24 h before = 1440, whatever the clocks do that night. */
  | { kind: 'before'; minutes: number }
  /** At a local wall-clock time ('HH:mm') a number of calendar days (1 or more) before. */
  | { kind: 'day-before'; days: number; at: string };

/** 'HH:mm' in the recipient's zone; `from` later than `to` wraps past midnight (21:00–08:00). */
export interface QuietHours {
  from: string;
  to: string;
}

export interface DeliveryPlan {
  column: number;
  format: TimeFormat;
  rule: SendRule;
  /** Null when the operator turned them off; DEFAULT_QUIET_HOURS otherwise. */
  quietHours: QuietHours | null;
  /** The operator's IANA zone, used when a row's country gives none. */
  zone: string;
  countryColumn: number | null;
}

export type RowProblem = 'unparseable' | 'past' | 'too-far';

/**
 * One row's delivery time. `appointment` is ISO 8601 with the row zone's offset; `sendAt` is UTC
 * ('…Z'). A 'too-far' row keeps its `sendAt`, to be submitted once Messente's window reaches it.
 */
export type RowTime =
  | {
      ok: true;
      appointment: string;
      sendAt: string;
      zone: string;
      locale: string;
      movedByQuietHours: boolean;
    }
  | {
      ok: false;
      problem: RowProblem;
      message: string;
      appointment?: string;
      sendAt?: string;
      zone?: string;
      locale?: string;
    };

/** What the operator chose for each group of rows that cannot be scheduled as they are. */
export type GroupChoice = 'skip' | 'send-now' | 'keep-queued';

/** 'keep-queued' is only for 'too-far' rows: Omnicast holds them and submits them when the window opens. */
export interface ProblemChoices {
  unparseable: 'skip' | 'send-now';
  past: 'skip' | 'send-now';
  tooFar: GroupChoice;
}
