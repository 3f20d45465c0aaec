import { listCampaigns } from '../../db/queries/campaigns';
import type { CampaignSummary } from '../../../shared/types';
import { campaignListExport } from '../../reports/campaign-list';
import { exportDelimiterOption } from '../input-options';
import { parseOptions, UsageError, type Command } from '../command';
import { DATA_DIR_HELP, DATA_DIR_OPTION, dataDirFrom, openDataDir } from '../data-dir';

/** A campaign's schedule beside its name: one time for all, or each row its own until the last. */
function scheduleWords(c: CampaignSummary): string {
  if (c.timeToSend) return ` (delivery at ${c.timeToSend})`;
  const until = c.scheduledUntil ?? null;
  if (until !== null && c.status === 'completed' && Date.parse(until) > Date.now())
    return ` (scheduled until ${until})`;
  return '';
}

export const campaignsCommand: Command = {
  name: 'campaigns',
  summary: 'list every campaign in the data folder',
  help: [
    'Usage: omnicast campaigns [--format table|json|csv] [--delimiter D] [--data-dir DIR]',
    '',
    '  --format F               table (default), json (an array: id, name, status, counts, created_at,',
    "                           time_to_send, scheduled_until) or csv (the app's campaign list export,",
    '                           UTF-8 with BOM; redirect it to a file)',
    "  --delimiter D            , ; or tab for csv (default: the delimiter of the latest campaign's file)",
    DATA_DIR_HELP,
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      { ...DATA_DIR_OPTION, format: { type: 'string' }, delimiter: { type: 'string' } },
      false,
    );
    const format = values.format ?? 'table';
    if (format !== 'table' && format !== 'json' && format !== 'csv')
      throw new UsageError('--format must be table, json or csv.');
    const delimiter = exportDelimiterOption(values.delimiter);
    if (delimiter !== undefined && format !== 'csv')
      throw new UsageError('--delimiter goes with --format csv.');
    const db = openDataDir(dataDirFrom(values['data-dir'], io), io, { readonly: true });
    try {
      if (format === 'csv') {
        await campaignListExport(db, delimiter).write((text) => void io.stdout.write(text));
        return 0;
      }
      const campaigns = listCampaigns(db);
      if (format === 'json') {
        const rows = campaigns.map((c) => ({
          id: c.id,
          name: c.name,
          status: c.status,
          test_mode: c.testMode,
          total: c.total,
          counts: c.counts,
          segments: c.segments,
          predicted_cost: c.predictedCostMicros === null ? null : c.predictedCostMicros / 1_000_000,
          billed_cost: c.billedCostMicros === null ? null : c.billedCostMicros / 1_000_000,
          created_at: c.createdAt,
          time_to_send: c.timeToSend,
          scheduled_until: c.scheduledUntil ?? null,
        }));
        io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return 0;
      }
      if (campaigns.length === 0) {
        io.stdout.write('No campaigns yet.\n');
        return 0;
      }
      io.stdout.write(
        `${'id'.padStart(5)}  ${'status'.padEnd(11)}  ${'rows'.padStart(7)}  ${'accepted'.padStart(8)}  ${'failed'.padStart(6)}  ${'unknown'.padStart(7)}  created               name\n`,
      );
      for (const c of campaigns) {
        io.stdout.write(
          `${String(c.id).padStart(5)}  ${c.status.padEnd(11)}  ${String(c.total).padStart(7)}  ${String(c.counts.accepted).padStart(8)}  ${String(c.counts.failed).padStart(6)}  ${String(c.counts.unknown).padStart(7)}  ${c.createdAt.slice(0, 19).replace('T', ' ')}   ${c.name}${scheduleWords(c)}\n`,
        );
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
