// What a campaign's message rows add up to: counts by state, segments, predicted and billed cost,
// the last own delivery time still ahead, and the failed and unknown rows grouped by error code.
import type {
  CampaignStatus,
  CampaignSummary,
  ErrorGroup,
  MessageState,
  StateCounts,
} from '../../../shared/types';
import { MESSAGE_STATES } from '../../../shared/types';
import { explain } from '../../sender/explanations';
import type { Db } from '../database';

/** The columns of a stored campaign that its summary reads. */
export interface SummaryColumns {
  id: number;
  name: string;
  status: CampaignStatus;
  test_mode: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  time_to_send: string | null;
  delivery_plan: string | null;
}

export interface StateAggregate {
  campaign_id: number;
  state: MessageState;
  n: number;
  segments: number;
  cost: number | null;
  cost_min: number | null;
  unpriced: number;
  billed: number | null;
  until: string | null;
}

export function emptyCounts(): StateCounts {
  return Object.fromEntries(MESSAGE_STATES.map((s) => [s, 0])) as StateCounts;
}

const AGGREGATE_SQL = `
  SELECT campaign_id, state, COUNT(*) AS n, SUM(segments) AS segments,
         SUM(cost_max_micros) AS cost, SUM(COALESCE(cost_min_micros, cost_max_micros)) AS cost_min,
         SUM(cost_max_micros IS NULL) AS unpriced, SUM(billed_micros) AS billed, MAX(send_at) AS until
  FROM messages`;

/** Every campaign's rows added up by state, keyed by campaign id. */
export function totalsByCampaign(db: Db): Map<number, StateAggregate[]> {
  const aggregates = db.prepare(`${AGGREGATE_SQL} GROUP BY campaign_id, state`).all() as StateAggregate[];
  const byCampaign = new Map<number, StateAggregate[]>();
  for (const a of aggregates) {
    const list = byCampaign.get(a.campaign_id) ?? [];
    list.push(a);
    byCampaign.set(a.campaign_id, list);
  }
  return byCampaign;
}

/** One campaign's rows added up by state. */
export function campaignTotals(db: Db, id: number): StateAggregate[] {
  return db
    .prepare(`${AGGREGATE_SQL} WHERE campaign_id = ? GROUP BY campaign_id, state`)
    .all(id) as StateAggregate[];
}

export function summarize(row: SummaryColumns, aggregates: StateAggregate[]): CampaignSummary {
  const counts = emptyCounts();
  let total = 0;
  let segments = 0;
  let cost: number | null = null;
  let costMin: number | null = null;
  let unpricedRows = 0;
  let billed: number | null = null;
  // The last own delivery time among rows that are, or will be, at Messente waiting for it.
  const untils: string[] = [];
  for (const a of aggregates) {
    if (['queued', 'sending', 'accepted', 'unknown'].includes(a.state) && a.until !== null)
      untils.push(a.until);
    counts[a.state] = a.n;
    total += a.n;
    if (a.billed !== null) billed = (billed ?? 0) + a.billed;
    // Skipped rows are never sent: they carry no segments and no cost.
    if (a.state === 'skipped') continue;
    segments += a.segments;
    unpricedRows += a.unpriced;
    if (a.cost !== null) cost = (cost ?? 0) + a.cost;
    if (a.cost_min !== null) costMin = (costMin ?? 0) + a.cost_min;
  }
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    testMode: row.test_mode === 1,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    total,
    counts,
    segments,
    predictedCostMicros: cost,
    predictedCostMinMicros: costMin,
    unpricedRows,
    billedCostMicros: billed,
    timeToSend: row.time_to_send,
    scheduledUntil: row.delivery_plan === null ? null : (untils.sort().at(-1) ?? null),
  };
}

/**
 * Failed and unknown rows grouped by error code with what each means, for any campaign (finished
 * ones too, whose live progress is gone). Same grouping as the sending engine's live tally.
 */
export function campaignErrors(db: Db, id: number): ErrorGroup[] {
  const groups = db
    .prepare(
      `SELECT COALESCE(error_code, 'unknown') AS code, MAX(error_title) AS title, COUNT(*) AS count FROM messages
       WHERE campaign_id = ? AND state IN ('failed', 'unknown') GROUP BY COALESCE(error_code, 'unknown')`,
    )
    .all(id) as { code: string; title: string | null; count: number }[];
  return groups
    .map((g) => ({ code: g.code, count: g.count, ...explain(g.code, g.title) }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
