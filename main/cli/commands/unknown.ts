// `omnicast unknown ID`: the rows whose outcome is unknown (the request may or may not have reached
// Messente), and the operator's decision about them: --mark-sent (they checked, it arrived) or
// --send-again (queued for the next resume, knowing the recipient may get it twice). The same rules
// as the app's decision (main/campaign-rows/unknown.ts); nothing here ever sends.
import type { Db } from '../../db/database';
import { getCampaign } from '../../db/queries/campaigns';
import { markUnknownRows } from '../../db/queries/sending';
import { decisionText, rowsToDecide, type UnknownDecision } from '../../campaign-rows/unknown';
import { UserError } from '../../errors';
import { parseRowList } from '../../../shared/row-list';
import { CliFailure, parseOptions, UsageError, type CliIO, type Command } from '../command';
import { openCliCore } from '../cli-core';
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
    if (positionals.length !== 1 || !/^\d+$/.test(positionals[0]!)) {
      throw new UsageError(
        'give the id of one campaign, e.g. omnicast unknown 3 (omnicast campaigns lists them).',
      );
    }
    const id = Number(positionals[0]);
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
    // The app's core, for its database and rules; the decision itself is made in one write
    // transaction below, which no in-process handler can give across processes.
    const cli = await openCliCore({ dataDir: dir, io });
    const db = cli.core.db;
    try {
      const campaign = getCampaign(db, id);
      if (!campaign) throw new CliFailure(`there is no campaign ${id} in ${dir}.`);
      if (!decision) return await list(db, id, campaign.headerRow, io);
      const text = decide(db, id, decision);
      io.stdout.write(`${text}\n`);
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

/**
 * Applies the decision in one write transaction that also re-reads the campaign's status: taken
 * IMMEDIATE so that no other process can start sending the campaign between the check and the update.
 */
function decide(db: Db, id: number, decision: Decision): string {
  return db
    .transaction(() => {
      const campaign = getCampaign(db, id);
      if (!campaign) throw new CliFailure(`campaign ${id} no longer exists.`);
      if (campaign.status === 'sending') {
        // Another process (the app, another `omnicast send`) holds the campaign's rows in memory and
        // would not see this change; if it died, resume turns its in-flight rows into unknown ones.
        throw new CliFailure(
          `campaign ${id} is being sent right now: pause it first (in the app, or Ctrl-C the omnicast that sends it). If that process was killed, run omnicast resume ${id} first to recover the campaign.`,
        );
      }
      // The operator speaks in spreadsheet rows (data row + header row), as the app's table shows.
      const dataRows = decision.rows?.map((row) => row - campaign.headerRow) ?? null;
      let chosen: readonly number[];
      try {
        chosen = rowsToDecide(db, campaign, dataRows, decision.as);
      } catch (error) {
        if (error instanceof UserError) throw new CliFailure(error.message);
        throw error;
      }
      const changed = markUnknownRows(db, id, chosen, decision.as === 'sent' ? 'accepted' : 'queued');
      return decisionText(decision.as, chosen.length, changed);
    })
    .immediate();
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
