// `omnicast status ID`: where a campaign's messages are — counts by sending state and by delivery
// status, and what Messente billed next to what was predicted. `--refresh` asks Messente once, now,
// about every accepted message whose status may still change, within the usual request budget.
import type { CampaignDetail } from '../../../shared/types';
import type { Db } from '../../db/database';
import { billedDifferences, compareBilled, deliveryCounts } from '../../db/queries/statuses';
import { scheduleCancelCounts } from '../../db/queries/schedule-cancel';
import { formatMoney, formatMoneyRange, formatPrice } from '../../../shared/money';
import { unknownRowsHint } from '../run-printer';
import { countRefreshable } from '../../delivery-status/refresh-jobs';
import { findCampaign, openCliCore, requireCredentials, TARGET_HELP, type CliCore } from '../cli-core';
import { CliFailure, type CliIO, type Command } from '../command';
import { DATA_DIR_HELP, dataDirFrom } from '../data-dir';
import { parseCampaignCommand } from '../campaign-command';

/** Rows listed under "billed differs from predicted"; the report has them all. */
const DIFFERENCES_SHOWN = 10;
const PROGRESS_EVERY_MS = 2_000;

export const statusCommand: Command = {
  name: 'status',
  summary: 'delivery statuses and billed vs predicted cost of a campaign (--refresh asks Messente now)',
  help: [
    'Usage: omnicast status ID [--refresh] [options]',
    '',
    '  --refresh                ask Messente now about every accepted message still without a final status',
    ...TARGET_HELP,
    DATA_DIR_HELP,
    '',
    'Statuses are otherwise checked by the desktop app 1 min, 5 min, 30 min, 2 h, 6 h, 24 h and 48 h after sending.',
  ].join('\n'),
  async run(argv, io) {
    const { values, id } = parseCampaignCommand(argv, 'status', {
      refresh: { type: 'boolean' },
    });
    const dir = dataDirFrom(values['data-dir'], io);
    const cli = await openCliCore({ dataDir: dir, io, target: values });
    try {
      const campaign = await findCampaign(cli, id);
      if (!campaign) throw new CliFailure(`there is no campaign ${id} in ${dir}.`);
      if (!values.refresh) {
        io.stdout.write(statusText(cli.core.db, campaign));
        return 0;
      }
      await refresh(cli, campaign, io);
      io.stdout.write(statusText(cli.core.db, await cli.call('campaigns.get', { id })));
      return 0;
    } finally {
      await cli.close();
    }
  },
};

/**
 * Asks about every accepted row whose status may still change, through the core's own status
 * poller: the campaign's own target (test mode's simulator answers for what earlier runs sent into
 * it) and the shared request budget.
 */
export async function refresh(cli: CliCore, campaign: CampaignDetail, io: CliIO): Promise<void> {
  await requireCredentials(cli, campaign.testMode);
  const db = cli.core.db;
  const poller = cli.core.statuses;
  const stop = () => void poller.stop();
  io.signal.addEventListener('abort', stop, { once: true });
  // The same progress the app shows, a line at most every 2 s: a big campaign takes hours.
  const total = countRefreshable(db, campaign.id);
  let lastLine = Date.now();
  try {
    const s = await poller.refreshCampaign(campaign.id, {
      onProgress: ({ checked, changed }) => {
        if (Date.now() - lastLine < PROGRESS_EVERY_MS) return;
        lastLine = Date.now();
        io.stderr.write(`Checked ${checked} of ${Math.max(total, checked)} (${changed} changed)…\n`);
      },
    });
    io.stderr.write(
      `Checked ${s.checked} message${s.checked === 1 ? '' : 's'}: ${s.changed} changed, ${s.notFound} unknown to Messente, ${s.errors} could not be checked.\n`,
    );
    if (s.checked > 0 && s.errors === s.checked)
      throw new CliFailure(`no status could be checked: ${s.lastError ?? 'no answer'}`);
    if (s.lastError) io.stderr.write(`Last error: ${s.lastError}\n`);
  } finally {
    io.signal.removeEventListener('abort', stop);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The printed summary: plain lines, numbers right-aligned, amounts in EUR. */
export function statusText(db: Db, c: CampaignDetail): string {
  const lines: string[] = [`Campaign ${c.id} "${c.name}" (${c.status}${c.testMode ? ', test mode' : ''})`];
  if (c.timeToSend) lines.push(`Scheduled for delivery at ${c.timeToSend}`);
  const states = (['accepted', 'failed', 'unknown', 'queued', 'sending', 'cancelled', 'skipped'] as const)
    .filter((s) => c.counts[s] > 0)
    .map((s) => `${s} ${c.counts[s]}`);
  lines.push(`Rows: ${c.total}${states.length > 0 ? ` (${states.join(', ')})` : ''}`);
  if (c.counts.unknown > 0) lines.push(unknownRowsHint(c.id));
  const cancels = scheduleCancelCounts(db, c.id);
  if (cancels) {
    lines.push(
      `Scheduled messages cancelled at Messente: ${cancels.cancelled}; already sent: ${cancels.alreadySent}; unknown: ${cancels.unknown}`,
    );
  }
  const delivery = Object.entries(deliveryCounts(db, c.id));
  if (delivery.length > 0) {
    lines.push('Delivery status of accepted messages:');
    const width = Math.max(...delivery.map(([s]) => s.length));
    for (const [status, n] of delivery) lines.push(`  ${status.padEnd(width)}  ${String(n).padStart(8)}`);
  }
  const predicted = formatMoneyRange(c.predictedCostMinMicros ?? null, c.predictedCostMicros);
  const billed = compareBilled(db, c.id);
  if (billed.billedRows === 0) {
    lines.push(`Cost: predicted ${predicted}; billed: no price reported yet`);
  } else {
    const priced = billed.billedRows - billed.unpricedRows;
    const forThose =
      priced === 0
        ? 'no price was known for them'
        : `predicted for those: ${formatMoneyRange(billed.predictedMinMicros, billed.predictedMicros)}${billed.unpricedRows > 0 ? `, ${billed.unpricedRows} had no price` : ''}`;
    lines.push(
      `Cost: predicted ${predicted}; billed ${formatMoney(billed.billedMicros)} for ${billed.billedRows} messages (${forThose})`,
    );
    const outside = billed.differingRows - billed.unpricedRows;
    if (billed.differingRows === 0) {
      lines.push('Every billed message cost what was predicted (within its range).');
    } else {
      const parts = [
        ...(outside > 0 ? [`outside the predicted range on ${plural(outside, 'row')}`] : []),
        ...(billed.unpricedRows > 0
          ? [`without a predicted price on ${plural(billed.unpricedRows, 'row')}`]
          : []),
      ];
      lines.push(`Billed ${parts.join(', and ')}:`);
      for (const d of billedDifferences(db, c.id, DIFFERENCES_SHOWN)) {
        const was =
          d.predictedMicros === null
            ? 'no price'
            : formatMoneyRange(d.predictedMinMicros, d.predictedMicros, formatPrice);
        // Numbered as the spreadsheet (and the app) shows the row: data row + header row.
        lines.push(
          `  row ${d.row + c.headerRow}  ${d.to ?? ''}  predicted ${was}  billed ${formatPrice(d.billedMicros)}`,
        );
      }
      if (billed.differingRows > DIFFERENCES_SHOWN) {
        lines.push(
          `  … and ${billed.differingRows - DIFFERENCES_SHOWN} more (omnicast report ${c.id} lists every row).`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
