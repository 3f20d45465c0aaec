import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CampaignDetail } from '../../../shared/types';
import { fileReason } from '../../data-folder';
import type { Db } from '../../db/database';
import type { ExportSource, Platform } from '../../platform';
import { writeExportToFile } from '../../reports/write-export';
import { countRefreshable } from '../../delivery-status/refresh-jobs';
import { findCampaign, openCliCore, TARGET_HELP, TARGET_OPTIONS, type CliCore } from '../cli-core';
import { CliFailure, parseOptions, UsageError, type CliIO, type Command } from '../command';
import { DATA_DIR_HELP, DATA_DIR_OPTION, dataDirFrom } from '../data-dir';
import { refresh } from './status';
import { errorMessage } from '../../../shared/errors';
import { exportDelimiterOption } from '../input-options';

export const reportCommand: Command = {
  name: 'report',
  summary: 'export a campaign’s delivery report as CSV (one row per recipient)',
  help: [
    'Usage: omnicast report ID --out FILE [--force] [--failed-only] [options]',
    '',
    '  --out FILE               where to write the CSV (UTF-8 with BOM, opens in Excel)',
    '  --force                  replace FILE if it exists (otherwise an existing file is refused)',
    '  --failed-only            only rows that failed, are unknown or were not delivered',
    '  --delimiter D            , ; or tab (default: the delimiter of the file the campaign was sent from)',
    '  --no-refresh             write the statuses as last checked, without asking Messente first',
    ...TARGET_HELP,
    DATA_DIR_HELP,
    '',
    'Before writing, asks Messente about every accepted message still without a final status',
    '(where the campaign was sent), so the report is fresh; each row says when its status was checked.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {
      ...DATA_DIR_OPTION,
      ...TARGET_OPTIONS,
      out: { type: 'string' },
      force: { type: 'boolean' },
      'failed-only': { type: 'boolean' },
      'no-refresh': { type: 'boolean' },
      delimiter: { type: 'string' },
    });
    const delimiter = exportDelimiterOption(values.delimiter);
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isInteger(id) || id < 1)
      throw new UsageError('give one campaign id, e.g. omnicast report 3 --out report.csv');
    if (!values.out) throw new UsageError('say where to write the report with --out FILE.');
    const out = values.out;
    const path = resolve(io.cwd, out);
    const dir = dataDirFrom(values['data-dir'], io);
    // Refused before statuses are refreshed: nothing is asked of Messente for a report not written.
    if (!values.force && existsSync(path))
      throw new CliFailure(`cannot write ${out}: ${whyNotWritten(path, eexist())}.`);
    const cli = await openCliCore({
      dataDir: dir,
      io,
      target: values,
      platform: filePlatform(path, out, values.force === true),
    });
    try {
      const campaign = await findCampaign(cli, id);
      if (!campaign) throw new UsageError(`There is no campaign ${id}.`);
      await freshen(cli, campaign, values['no-refresh'] === true, io);
      const result = await cli.call('reports.export', {
        id,
        failedOnly: values['failed-only'] === true,
        ...(delimiter === undefined ? {} : { delimiter }),
      });
      io.stderr.write(`Wrote ${result.kind === 'saved' ? result.rows : 0} rows to ${out}\n`);
      return 0;
    } finally {
      await cli.close();
    }
  },
};

/**
 * A report straight after sending must not show every status empty: rows whose status may still
 * change are asked about first, where the campaign was sent (test mode's own simulator for a
 * test-mode campaign). When that is not possible or
 * not wanted, the operator is told how old the statuses are.
 */
async function freshen(cli: CliCore, campaign: CampaignDetail, skip: boolean, io: CliIO): Promise<void> {
  const due = countRefreshable(cli.core.db, campaign.id);
  if (due === 0) return;
  const asOf = () => statusesAsOf(cli.core.db, campaign.id);
  if (skip) {
    io.stderr.write(
      `${due} message(s) may still change status; statuses as of ${asOf()}. Run without --no-refresh to ask Messente now.\n`,
    );
    return;
  }
  try {
    await refresh(cli, campaign, io);
  } catch (error) {
    const reason = errorMessage(error);
    io.stderr.write(`Statuses could not be refreshed (${reason}); statuses as of ${asOf()}.\n`);
  }
}

/** When statuses were last asked for, as HH:MM UTC (with the date when not today), or "never checked". */
export function statusesAsOf(db: Db, campaignId: number): string {
  const last = db
    .prepare(
      `SELECT MAX(d.checked_at) FROM delivery_statuses d JOIN messages m ON m.id = d.message_id
       WHERE m.campaign_id = ?`,
    )
    .pluck()
    .get(campaignId) as string | null;
  if (!last) return 'never checked';
  const today = new Date().toISOString().slice(0, 10);
  return last.slice(0, 10) === today
    ? `${last.slice(11, 16)} UTC`
    : `${last.slice(0, 16).replace('T', ' ')} UTC`;
}

function eexist(): NodeJS.ErrnoException {
  return Object.assign(new Error('exists'), { code: 'EEXIST' });
}

/** The reason in words; a refused existing path is told apart from an existing folder. */
function whyNotWritten(path: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return fileReason(error);
  const folder = statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  return folder ? 'it is a folder' : 'it already exists (add --force to replace it)';
}

/** The command line's "save dialog": the file named by --out, written chunk by chunk. */
function filePlatform(path: string, shown: string, overwrite: boolean): Platform {
  return {
    async offerExport(source: ExportSource) {
      let rows: number;
      try {
        rows = await writeExportToFile(source, path, { overwrite });
      } catch (error) {
        throw new CliFailure(`cannot write ${shown}: ${whyNotWritten(path, error)}.`);
      }
      return { kind: 'saved', path, rows };
    },
  };
}
