import { csvLine, type ExportDelimiter } from '../../shared/import';
import type { Db } from '../db/database';
import { listCampaigns } from '../db/queries/campaigns';
import type { ExportSource } from '../platform';
import { microsToDecimal } from './delivery-report';

export const CAMPAIGN_LIST_COLUMNS = [
  'id',
  'name',
  'status',
  'test_mode',
  'created_at',
  'started_at',
  'finished_at',
  'time_to_send',
  'scheduled_until',
  'rows',
  'skipped',
  'queued',
  'accepted',
  'failed',
  'unknown',
  'cancelled',
  'segments',
  'predicted_cost',
  'unpriced_rows',
  'billed_cost',
] as const;

/**
 * Every campaign in the data folder as one CSV (UTF-8 with BOM), for the operator's own records;
 * by default with the delimiter of the latest campaign's file, the operator's spreadsheet's likely one.
 */
export function campaignListExport(db: Db, delimiter?: ExportDelimiter): ExportSource {
  return {
    suggestedName: 'Omnicast campaigns.csv',
    async write(sink) {
      const campaigns = listCampaigns(db);
      const d = delimiter ?? latestDelimiter(db);
      let out = '\uFEFF' + csvLine([...CAMPAIGN_LIST_COLUMNS], d);
      for (const c of campaigns) {
        out += csvLine(
          [
            String(c.id),
            c.name,
            c.status,
            c.testMode ? 'yes' : 'no',
            c.createdAt,
            c.startedAt ?? '',
            c.finishedAt ?? '',
            c.timeToSend ?? '',
            c.scheduledUntil ?? '',
            String(c.total),
            String(c.counts.skipped),
            String(c.counts.queued + c.counts.sending),
            String(c.counts.accepted),
            String(c.counts.failed),
            String(c.counts.unknown),
            String(c.counts.cancelled),
            String(c.segments),
            microsToDecimal(c.predictedCostMicros),
            String(c.unpricedRows),
            microsToDecimal(c.billedCostMicros),
          ],
          d,
        );
      }
      await sink(out);
      return campaigns.length;
    },
  };
}

function latestDelimiter(db: Db): ExportDelimiter {
  const row = db.prepare('SELECT delimiter FROM campaigns ORDER BY id DESC LIMIT 1').get() as
    { delimiter: ExportDelimiter } | undefined;
  return row?.delimiter ?? ',';
}
