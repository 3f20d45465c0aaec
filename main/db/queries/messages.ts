import type {
  Encoding,
  MessageRow,
  MessageState,
  RowTimeProblem,
  ScheduleCancelOutcome,
} from '../../../shared/types';
import type { Db } from '../database';

export interface NewMessage {
  row: number;
  fields: readonly string[];
  rawPhone: string;
  to: string | null;
  state: 'queued' | 'skipped';
  skipReason: string | null;
  text: string;
  encoding: Encoding;
  segments: number;
  costMinMicros: number | null;
  costMaxMicros: number | null;
  /** A campaign with a delivery plan: the row's own time, as main computed it. */
  time?: RowTime;
}

/** A row's own delivery time (see migration 009); every row of a planned campaign has a zone. */
export interface RowTime {
  appointment: string | null;
  sendAt: string | null;
  zone: string;
  problem: RowTimeProblem | null;
  holdUntil: string | null;
}

export interface MessageRecord {
  id: number;
  campaign_id: number;
  row: number;
  fields: string;
  raw_phone: string;
  recipient: string | null;
  state: MessageState;
  skip_reason: string | null;
  text: string;
  encoding: Encoding;
  segments: number;
  cost_min_micros: number | null;
  cost_max_micros: number | null;
  omnimessage_id: string | null;
  message_id: string | null;
  http_status: number | null;
  error_code: string | null;
  error_title: string | null;
  error_detail: string | null;
  error_source: string | null;
  attempts: number;
  sent_at: string | null;
  delivery_status: string | null;
  delivery_error: string | null;
  delivered_at: string | null;
  billed_micros: number | null;
  schedule_cancel: ScheduleCancelOutcome | null;
  appointment: string | null;
  send_at: string | null;
  time_zone: string | null;
  time_problem: RowTimeProblem | null;
  hold_until: string | null;
}

/** Inserts one batch in a single transaction: all of it lands, or none of it. */
export function insertMessages(db: Db, campaignId: number, messages: readonly NewMessage[]): number {
  const insert = db.prepare(
    `INSERT INTO messages (campaign_id, row, fields, raw_phone, recipient, state, skip_reason, text, encoding,
       segments, cost_min_micros, cost_max_micros, appointment, send_at, time_zone, time_problem, hold_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const m of messages) {
      insert.run(
        campaignId,
        m.row,
        JSON.stringify(m.fields),
        m.rawPhone,
        m.to,
        m.state,
        m.skipReason,
        m.text,
        m.encoding,
        m.segments,
        m.costMinMicros,
        m.costMaxMicros,
        m.time?.appointment ?? null,
        m.time?.sendAt ?? null,
        m.time?.zone ?? null,
        m.time?.problem ?? null,
        m.time?.holdUntil ?? null,
      );
    }
  })();
  return messages.length;
}

/** Which rows to read: by state, optionally widened by delivery status (e.g. "failed only"). */
export interface MessageFilter {
  states?: readonly MessageState[];
  orDeliveryStatuses?: readonly string[];
}

/**
 * The report table's filters: AND across kinds, OR within one kind. Delivery statuses and error
 * codes mean what the report's counts mean (deliveryCounts, campaignErrors), so a chosen option
 * shows exactly the rows it counted.
 */
export interface RowFilter {
  states?: readonly MessageState[];
  /** Latest delivery status of accepted rows; PENDING = accepted without a status yet. */
  deliveryStatuses?: readonly string[];
  /** Error code of failed and unknown rows; 'unknown' also takes those without a code. */
  errorCodes?: readonly string[];
  /** Only rows whose billed cost differs from the predicted (maximum) cost. */
  billedDiffers?: boolean;
}

/** A list of states is the older form of a filter (states only). */
type RowFilterArg = RowFilter | readonly MessageState[] | undefined;

export function countMessages(db: Db, campaignId: number, filter?: RowFilterArg): number {
  const { sql, params } = rowWhere(campaignId, filter);
  return (db.prepare(`SELECT COUNT(*) AS n FROM messages WHERE ${sql}`).get(...params) as { n: number }).n;
}

export function pageMessages(
  db: Db,
  campaignId: number,
  offset: number,
  limit: number,
  filter?: RowFilterArg,
): MessageRow[] {
  const { sql, params } = rowWhere(campaignId, filter);
  const records = db
    .prepare(`SELECT * FROM messages WHERE ${sql} ORDER BY row LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as MessageRecord[];
  return records.map(toMessageRow);
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The WHERE clause of a RowFilter: SQL written here, every value a placeholder. */
function rowWhere(campaignId: number, arg: RowFilterArg): { sql: string; params: unknown[] } {
  const filter: RowFilter = isStateList(arg) ? { states: arg } : (arg ?? {});
  const conditions = ['campaign_id = ?'];
  const params: unknown[] = [campaignId];
  const { states, deliveryStatuses, errorCodes } = filter;
  if (states && states.length > 0) {
    conditions.push(`state IN (${placeholders(states)})`);
    params.push(...states);
  }
  if (deliveryStatuses && deliveryStatuses.length > 0) {
    const named = deliveryStatuses.filter((s) => s !== PENDING);
    const either = named.length > 0 ? [`delivery_status IN (${placeholders(named)})`] : [];
    if (named.length < deliveryStatuses.length) either.push('delivery_status IS NULL');
    conditions.push(`(state = 'accepted' AND (${either.join(' OR ')}))`);
    params.push(...named);
  }
  if (errorCodes && errorCodes.length > 0) {
    const either = [`error_code IN (${placeholders(errorCodes)})`];
    // campaignErrors groups rows without a code under 'unknown'.
    if (errorCodes.includes(NO_CODE)) either.push('error_code IS NULL');
    conditions.push(`(state IN ('failed', 'unknown') AND (${either.join(' OR ')}))`);
    params.push(...errorCodes);
  }
  if (filter.billedDiffers) conditions.push(BILLED_DIFFERS);
  return { sql: conditions.join(' AND '), params };
}

function isStateList(arg: RowFilterArg): arg is readonly MessageState[] {
  return Array.isArray(arg);
}

const PENDING = 'PENDING';
const NO_CODE = 'unknown';

/**
 * Half of Messente's smallest price step (€0.0001): a billed total rounded to its 4 decimals is not a
 * difference from a prediction with more.
 */
export const BILLING_ROUNDING_MICROS = 50;

/**
 * A row billed outside its predicted range. A country with several networks has a range (the
 * cheapest to the dearest network): any price inside it is what was predicted, so the low end is no
 * alarm. A single-figure prediction differs only by more than rounding; no prediction always differs.
 */
export const BILLED_DIFFERS = `(billed_micros IS NOT NULL AND (cost_max_micros IS NULL
  OR billed_micros < COALESCE(cost_min_micros, cost_max_micros) - ${BILLING_ROUNDING_MICROS}
  OR billed_micros > cost_max_micros + ${BILLING_ROUNDING_MICROS}))`;

/** Streams a campaign's rows in order without holding them all in memory (reports of any size). */
export function* iterateMessages(
  db: Db,
  campaignId: number,
  filter: MessageFilter = {},
): Generator<MessageRow> {
  const { sql, params } = stateFilter(campaignId, filter.states, filter.orDeliveryStatuses);
  const statement = db.prepare(`SELECT * FROM messages WHERE ${sql} ORDER BY row`);
  for (const record of statement.iterate(...params) as Iterable<MessageRecord>) {
    yield toMessageRow(record);
  }
}

/**
 * Streams SQL expressions over a campaign's rows, in row order, as arrays rather than objects: for
 * exports of a million rows, where building a MessageRow per row costs more than the file itself.
 * `expressions` are trusted SQL written by Omnicast (never user input).
 */
export function* iterateMessageValues(
  db: Db,
  campaignId: number,
  expressions: readonly string[],
  filter: MessageFilter = {},
): Generator<unknown[]> {
  const { sql, params } = stateFilter(campaignId, filter.states, filter.orDeliveryStatuses);
  const statement = db.prepare(`SELECT ${expressions.join(', ')} FROM messages WHERE ${sql} ORDER BY row`);
  yield* statement.raw(true).iterate(...params) as Iterable<unknown[]>;
}

/**
 * One expression's value per matching row, in row order: no array per row, as a million-row
 * export would otherwise allocate and take apart.
 */
export function iterateMessageValue(
  db: Db,
  campaignId: number,
  expression: string,
  filter: MessageFilter = {},
): IterableIterator<unknown> {
  const { sql, params } = stateFilter(campaignId, filter.states, filter.orDeliveryStatuses);
  const statement = db.prepare(`SELECT ${expression} FROM messages WHERE ${sql} ORDER BY row`);
  return statement.pluck(true).iterate(...params) as IterableIterator<unknown>;
}

function stateFilter(
  campaignId: number,
  states?: readonly MessageState[],
  deliveryStatuses?: readonly string[],
) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (states && states.length > 0) {
    conditions.push(`state IN (${placeholders(states)})`);
    params.push(...states);
  }
  if (deliveryStatuses && deliveryStatuses.length > 0) {
    conditions.push(`delivery_status IN (${placeholders(deliveryStatuses)})`);
    params.push(...deliveryStatuses);
  }
  const where =
    conditions.length > 0 ? `campaign_id = ? AND (${conditions.join(' OR ')})` : 'campaign_id = ?';
  return { sql: where, params: [campaignId, ...params] };
}

export function toMessageRow(r: MessageRecord): MessageRow {
  return {
    row: r.row,
    fields: JSON.parse(r.fields) as string[],
    rawPhone: r.raw_phone,
    to: r.recipient,
    state: r.state,
    skipReason: r.skip_reason,
    text: r.text,
    encoding: r.encoding,
    segments: r.segments,
    predictedCostMicros: r.cost_max_micros,
    omnimessageId: r.omnimessage_id,
    messageId: r.message_id,
    httpStatus: r.http_status,
    errorCode: r.error_code,
    errorTitle: r.error_title,
    errorDetail: r.error_detail,
    errorSource: r.error_source,
    attempts: r.attempts,
    scheduleCancel: r.schedule_cancel,
    sentAt: r.sent_at,
    deliveryStatus: r.delivery_status,
    deliveryError: r.delivery_error,
    deliveredAt: r.delivered_at,
    billedCostMicros: r.billed_micros,
    // Only a planned campaign's rows (they all have a zone) carry their own time.
    ...(r.time_zone === null
      ? {}
      : {
          appointment: r.appointment,
          sendAt: r.send_at,
          zone: r.time_zone,
          timeProblem: r.time_problem,
          holdUntil: r.hold_until,
        }),
  };
}
