// `omnicast unknown ID`: the rows whose outcome is unknown (the request may or may not have reached
// Messente), and the operator's decision about them: --mark-sent (they checked, it arrived) or
// --send-again (queued for the next resume, knowing the recipient may get it twice). The decision
// is the app's own call (campaigns.markUnknown), with its refusals; nothing here ever sends.
import type { Db } from '../../db/database';
import type { UnknownDecision } from '../../campaign-rows/unknown';
import { parseRowList } from '../../../shared/row-list';
import {
  campaignIdArgument,
  CliFailure,
  parseOptions,
  UsageError,
  type CliIO,
  type Command,
} from '../command';
import { findCampaign, openCliCore } from '../cli-core';
import { DATA_DIR_HELP, DATA_DIR_OPTION, dataDirFrom } from '../data-dir';

/** Rows read and written per page when listing, so a huge campaign streams instead of piling up. */
const PAGE = 1_000;

export const unknownCommand: Command = {
  name: 'unknown',
  summary: 'list rows whose outcome is unknown, and mark them as sent or send them again',
  help: [
    'Usage: omnicast unknown ID [--mark-sent ROWS|all | --send-again ROWS|all] [options]',
    '',
    '  (no option)              list the unknown rows: row number, phone number, and why',
    '  --mark-sent ROWS|all     you checked and they arrived: they count as accepted',
    '  --send-again ROWS|all    queue them to send again with omnicast resume ID',
    DATA_DIR_HELP,
    '',
    'ROWS are row numbers as the spreadsheet (and the app’s Row column) shows them, e.g. 3,7,12-20;',
    'all means every unknown row.',
    'Marking as sent never sends anything; sending again may deliver a message twice.',
    'Refused while the campaign is being sent: pause it first.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {
      ...DATA_DIR_OPTION,
      'mark-sent': { type: 'string' },
      'send-again': { type: 'string' },
    });
    const id = campaignIdArgument(positionals, 'unknown');
    const markSent = values['mark-sent'];
    const sendAgain = values['send-again'];
    if (markSent !== undefined && sendAgain !== undefined) {
      throw new UsageError('give --mark-sent ROWS or --send-again ROWS, not both.');
    }
    // Parsed before the data folder is opened: a typo is exit 2 whatever the campaign's state.
    const decision: Decision | null =
      markSent !== undefined
        ? { as: 'sent', rows: parseRows('mark-sent', markSent) }
        : sendAgain !== undefined
          ? { as: 'again', rows: parseRows('send-again', sendAgain) }
          : null;
    const dir = dataDirFrom(values['data-dir'], io);
    const cli = await openCliCore({ dataDir: dir, io });
    try {
      const campaign = await findCampaign(cli, id);
      if (!campaign) throw new CliFailure(`there is no campaign ${id} in ${dir}.`);
      if (!decision) return await list(cli.core.db, id, campaign.headerRow, io);
      // The operator speaks in spreadsheet rows (data row + header row), as the app's table shows.
      const rows = decision.rows?.map((row) => row - campaign.headerRow) ?? null;
      if (rows?.some((row) => row < 1)) {
        throw new UsageError(
          `--${decision.as === 'sent' ? 'mark-sent' : 'send-again'}: the campaign’s data starts on row ${campaign.headerRow + 1}; row ${campaign.headerRow} and above hold no message.`,
        );
      }
      // The app's own call: the same refusals (another process sending it, a cancelled campaign).
      const result = await cli.call('campaigns.markUnknown', { id, rows, as: decision.as });
      io.stdout.write(`${result.message}\n`);
      if (decision.as === 'again') io.stdout.write(`Send them with: omnicast resume ${id}\n`);
      return 0;
    } finally {
      await cli.close();
    }
  },
};

interface Decision {
  as: UnknownDecision;
  /** null = every unknown row. */
  rows: readonly number[] | null;
}

/** `all`, or row numbers and ranges like `3,7,12-20` (shared/row-list.ts), or exit 2 naming the option. */
export function parseRows(option: string, text: string): readonly number[] | null {
  const parsed = parseRowList(text);
  if (!parsed.ok) throw new UsageError(`--${option}: ${parsed.message} (give all, or rows like 3,7,12-20).`);
  return parsed.rows;
}

interface UnknownRow {
  row: number;
  to: string | null;
  code: string | null;
  title: string | null;
}

/**
 * Every unknown row, a page at a time (keyset on row), waiting for stdout when it is full. Numbered
 * as the spreadsheet shows them (data row + header row), like the app's table and --mark-sent.
 */
async function list(db: Db, id: number, headerRow: number, io: CliIO): Promise<number> {
  const page = db.prepare(
    `SELECT row, COALESCE(recipient, raw_phone) AS "to", error_code AS code, error_title AS title
     FROM messages WHERE campaign_id = ? AND state = 'unknown' AND row > ? ORDER BY row LIMIT ?`,
  );
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = page.all(id, after, PAGE) as UnknownRow[];
    const last = rows.at(-1);
    if (!last) break;
    const lines = rows.map((r) => {
      const why = [r.code, r.title].filter((s) => s !== null && s !== '').join(' ') || 'no reason recorded';
      return `row ${r.row + headerRow}  ${r.to ?? ''}  ${why}\n`;
    });
    count += rows.length;
    after = last.row;
    if (!io.stdout.write(lines.join(''))) await new Promise((resolve) => io.stdout.once('drain', resolve));
  }
  if (count === 0) {
    io.stdout.write(`Campaign ${id} has no rows whose outcome is unknown.\n`);
    return 0;
  }
  io.stdout.write(
    `${count} row(s) whose outcome is unknown. Decide with: omnicast unknown ${id} --mark-sent ROWS|all, or --send-again ROWS|all (then omnicast resume ${id}).\n`,
  );
  return 0;
}
