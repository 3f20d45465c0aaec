// A campaign's stored record: written once, read back whole or by the few facts a caller needs, and
// its status, sending options and schedule changed as it runs. What its rows add up to is counted in
// campaign-totals.ts.
import type { Autoconvert, CampaignDetail, CampaignStatus, CampaignSummary } from '../../../shared/types';
import type { ExportDelimiter } from '../../../shared/import/csv';
import type { DeliveryPlanArgs, ProblemChoicesArgs } from '../../../shared/contract/delivery-plan';
import type { LiveTarget } from '../../messente/targets';
import { nowIso, type Db } from '../database';
import {
  campaignErrors,
  campaignTotals,
  summarize,
  totalsByCampaign,
  type SummaryColumns,
} from './campaign-totals';

export interface NewCampaign {
  name: string;
  testMode: boolean;
  template: string;
  sender: string;
  autoconvert: Autoconvert;
  country: string;
  columns: string[];
  phoneColumn: number;
  sourceFile: string;
  rate: number;
  /** 1-based spreadsheet row of the header; 1 when not given. */
  headerRow?: number;
  /** Where a live campaign is sent; null for test mode. */
  target?: LiveTarget | null;
  /** What the delivery report is written with by default: the imported file's delimiter. */
  delimiter?: ExportDelimiter;
  /** Each row delivered at its own time from a time column, and what to do with rows that cannot be. */
  deliveryPlan?: DeliveryPlanArgs | null;
  problemChoices?: ProblemChoicesArgs | null;
}

interface CampaignRow extends SummaryColumns {
  template: string;
  sender: string;
  autoconvert: Autoconvert;
  country: string;
  columns: string;
  phone_column: number;
  source_file: string;
  rate: number;
  max_cost_micros: number | null;
  stop_reason: string | null;
  header_row: number;
  api_url: string | null;
  legacy_url: string | null;
  delimiter: ExportDelimiter;
  problem_choices: string | null;
}

export function insertCampaign(db: Db, c: NewCampaign): number {
  const result = db
    .prepare(
      `INSERT INTO campaigns (name, status, test_mode, template, sender, autoconvert, country, columns,
         phone_column, source_file, rate, created_at, header_row, api_url, legacy_url, delimiter,
         delivery_plan, problem_choices)
       VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      c.name,
      c.testMode ? 1 : 0,
      c.template,
      c.sender,
      c.autoconvert,
      c.country,
      JSON.stringify(c.columns),
      c.phoneColumn,
      c.sourceFile,
      c.rate,
      nowIso(),
      c.headerRow ?? 1,
      c.testMode ? null : (c.target?.apiUrl ?? null),
      c.testMode ? null : (c.target?.legacyUrl ?? null),
      c.delimiter ?? ',',
      c.deliveryPlan ? JSON.stringify(c.deliveryPlan) : null,
      c.deliveryPlan && c.problemChoices ? JSON.stringify(c.problemChoices) : null,
    );
  return Number(result.lastInsertRowid);
}

export function listCampaigns(db: Db): CampaignSummary[] {
  const rows = db.prepare('SELECT * FROM campaigns ORDER BY id DESC').all() as CampaignRow[];
  const totals = totalsByCampaign(db);
  return rows.map((r) => summarize(r, totals.get(r.id) ?? []));
}

function getRow(db: Db, id: number): CampaignRow | undefined {
  return db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
}

export function getCampaignSummary(db: Db, id: number): CampaignSummary | null {
  const row = getRow(db, id);
  if (!row) return null;
  return summarize(row, campaignTotals(db, id));
}

export function getCampaign(db: Db, id: number): CampaignDetail | null {
  const row = getRow(db, id);
  const summary = row ? getCampaignSummary(db, id) : null;
  if (!row || !summary) return null;
  const columns = JSON.parse(row.columns) as string[];
  return {
    ...summary,
    template: row.template,
    sender: row.sender,
    autoconvert: row.autoconvert,
    country: row.country,
    phoneColumn: columns[row.phone_column] ?? '',
    columns,
    sourceFile: row.source_file,
    rate: row.rate,
    maxCostMicros: row.max_cost_micros,
    headerRow: row.header_row,
    delimiter: row.delimiter,
    errors: campaignErrors(db, id),
    deliveryPlan: row.delivery_plan === null ? null : (JSON.parse(row.delivery_plan) as DeliveryPlanArgs),
    problemChoices:
      row.problem_choices === null ? null : (JSON.parse(row.problem_choices) as ProblemChoicesArgs),
  };
}

/** What an export's heading needs of a campaign, without counting its rows (a million take a second). */
export interface CampaignHeading {
  name: string;
  columns: string[];
  headerRow: number;
  delimiter: ExportDelimiter;
}

export function getCampaignHeading(db: Db, id: number): CampaignHeading | null {
  const row = getRow(db, id);
  if (!row) return null;
  const columns = JSON.parse(row.columns) as string[];
  return { name: row.name, columns, headerRow: row.header_row, delimiter: row.delimiter };
}

/** The campaign's phone column index, needed to rebuild rows for reports and retries. */
export function getPhoneColumnIndex(db: Db, id: number): number | null {
  return getRow(db, id)?.phone_column ?? null;
}

/** Whether the campaign is a test-mode one; null when there is no such campaign. */
export function campaignTestMode(db: Db, id: number): boolean | null {
  const row = getRow(db, id);
  return row ? row.test_mode === 1 : null;
}

/** Where a live campaign was sent; null for test mode and for campaigns stored before it was kept. */
export function getCampaignTarget(db: Db, id: number): LiveTarget | null {
  const row = getRow(db, id);
  if (!row || row.test_mode === 1 || row.api_url === null) return null;
  return { apiUrl: row.api_url, legacyUrl: row.legacy_url ?? row.api_url };
}

export function getStopReason(db: Db, id: number): string | null {
  return getRow(db, id)?.stop_reason ?? null;
}

export function setCampaignStatus(
  db: Db,
  id: number,
  status: CampaignStatus,
  extra: { stopReason?: string | null; started?: boolean; finished?: boolean } = {},
): void {
  db.prepare(
    `UPDATE campaigns SET status = ?,
       stop_reason = CASE WHEN ? THEN ? ELSE stop_reason END,
       started_at = CASE WHEN ? AND started_at IS NULL THEN ? ELSE started_at END,
       finished_at = CASE WHEN ? THEN ? ELSE finished_at END
     WHERE id = ?`,
  ).run(
    status,
    extra.stopReason !== undefined ? 1 : 0,
    extra.stopReason ?? null,
    extra.started ? 1 : 0,
    nowIso(),
    extra.finished ? 1 : 0,
    nowIso(),
    id,
  );
}

export function setSendingOptions(db: Db, id: number, rate: number, maxCostMicros: number | null): void {
  db.prepare('UPDATE campaigns SET rate = ?, max_cost_micros = ? WHERE id = ?').run(rate, maxCostMicros, id);
}

/** Stores (or with null clears) the campaign's scheduled delivery, UTC ISO-8601. */
export function setTimeToSend(db: Db, id: number, timeToSend: string | null): void {
  db.prepare('UPDATE campaigns SET time_to_send = ? WHERE id = ?').run(timeToSend, id);
}

export function campaignsWithStatus(db: Db, status: CampaignStatus): number[] {
  return (
    db.prepare('SELECT id FROM campaigns WHERE status = ? ORDER BY id').all(status) as { id: number }[]
  ).map((r) => r.id);
}
