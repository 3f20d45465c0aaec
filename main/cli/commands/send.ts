import { createInterface } from 'node:readline/promises';
import { addToTotals, compileTemplate, createTotals, previewRow } from '../../../shared/sms';
import { senderProblem } from '../../../shared/sender-name';
import { addRecipients } from '../../campaigns/recipients';
import { insertCampaign } from '../../db/queries/campaigns';
import { readOptOuts } from '../../db/queries/opt-outs';
import { UserError } from '../../errors';
import { createMessenteClient } from '../../messente';
import { runCampaignInCli } from '../../sender/cli-run';
import { parseSendTime } from '../../sender/schedule';
import { sendTestMessage } from '../../sender/test-send';
import { normalizePhone } from '../../../shared/import';
import { CliFailure, numberOption, parseOptions, UsageError, type CliIO, type Command } from '../command';
import { credentialsFromEnvOrKeychain, API_OPTIONS, API_HELP, apiUrls } from '../credentials';
import { DATA_DIR_HELP, DATA_DIR_OPTION, dataDirFrom, openDataDir } from '../data-dir';
import {
  autoconvertOption,
  checkImportProblems,
  checkSegmentCap,
  IMPORT_HELP,
  IMPORT_OPTIONS,
  readRecipientsFile,
  readTemplate,
  segmentCapOption,
} from '../input-options';
import { pricingFor, PRICES_HELP } from '../pricing';
import { formatSummary, summaryObject } from '../summary';
import { DEFAULT_RATE, MAX_BATCH_SIZE, MAX_RATE, MIN_BATCH_SIZE, MIN_RATE } from '../../../shared/limits';

const BATCH_ROWS = 5_000;

export const sendCommand: Command = {
  name: 'send',
  summary: 'import a CSV, render the template for every row and send through Messente',
  help: [
    'Usage: omnicast send FILE.csv (--template TEXT | --template-file PATH) [options]',
    '',
    ...IMPORT_HELP,
    '  --sender NAME            sender name (≤ 11 letters/digits) or number; default: the account’s',
    `  --rate N                 messages per second, ${MIN_RATE} to ${MAX_RATE} (default ${DEFAULT_RATE})`,
    `  --batch-size N           omnimessages per request, ${MIN_BATCH_SIZE} to ${MAX_BATCH_SIZE} (default 1: one request each)`,
    '  --max-cost EUR           stop before the predicted cost would pass this amount',
    '  --name TEXT              campaign name (default: the file name and time)',
    '  --at TIME                deliver at this time (Messente time_to_send), with its UTC offset,',
    '                           e.g. 2026-05-04T18:00+03:00; at most 30 days ahead',
    '  --test-to NUMBER         first send the first row’s message to this number (yours) only;',
    '                           then asks before sending the campaign (with --yes: goes on at once;',
    '                           without a terminal and without --yes: stops after the test)',
    PRICES_HELP,
    ...API_HELP,
    DATA_DIR_HELP,
    '  --yes                    send without asking for confirmation',
    '',
    'Prints the campaign id alone on the last line of stdout. Ctrl-C pauses; resume with omnicast resume ID.',
    'Exits 0 only when every row was accepted; 1 when some failed or are unknown (omnicast unknown ID),',
    'or when sending stopped before the end.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {
      ...IMPORT_OPTIONS,
      ...DATA_DIR_OPTION,
      ...API_OPTIONS,
      sender: { type: 'string' },
      rate: { type: 'string' },
      'batch-size': { type: 'string' },
      'max-cost': { type: 'string' },
      name: { type: 'string' },
      at: { type: 'string' },
      'test-to': { type: 'string' },
      prices: { type: 'string' },
      yes: { type: 'boolean' },
    });
    if (positionals.length > 1) throw new UsageError('give one recipients file.');
    const rate = numberOption('rate', values.rate, MIN_RATE, MAX_RATE) ?? DEFAULT_RATE;
    const batchSize = numberOption('batch-size', values['batch-size'], MIN_BATCH_SIZE, MAX_BATCH_SIZE) ?? 1;
    const maxCost = numberOption('max-cost', values['max-cost'], 0.000001, 1e9);
    const sender = values.sender ?? '';
    const problem = senderProblem(sender);
    if (problem) throw new UsageError(`--sender: ${problem}`);
    const template = readTemplate(values, io.cwd);
    const autoconvert = autoconvertOption(values.autoconvert);
    const cap = segmentCapOption(values);
    const country = (values.country ?? 'EE').toUpperCase();
    let timeToSend: string | null = null;
    if (values.at !== undefined) {
      const at = parseSendTime(values.at, Date.now());
      if (!at.ok) throw new UsageError(`--at: ${at.message}`);
      timeToSend = at.iso;
    }
    let testTo: string | null = null;
    if (values['test-to'] !== undefined) {
      const phone = normalizePhone(values['test-to'], country);
      if (!phone.ok) throw new UsageError(`--test-to: ${phone.reason} (${values['test-to']})`);
      testTo = phone.e164;
    }
    const urls = apiUrls(values);
    const credentials = await credentialsFromEnvOrKeychain(io);

    const db = openDataDir(dataDirFrom(values['data-dir'], io));
    try {
      const imported = readRecipientsFile(positionals[0], values, io.cwd, readOptOuts(db));
      checkImportProblems(imported, values);
      const compiled = compileTemplate(template, imported.header);
      if (!compiled.ok) {
        const first = compiled.errors[0]!;
        throw new UsageError(`template error at character ${first.index + 1}: ${first.message}`);
      }
      const pricing = pricingFor(db, values.prices, io.cwd);
      const totals = createTotals();
      for (const r of imported.recipients) {
        if (r.status !== 'ok') continue;
        const preview = previewRow(compiled.template, r.fields, r.to, {
          autoconvert,
          ...pricing,
          table: pricing.replacements,
        });
        cap.add(r.row + imported.headerRow, preview.segments);
        addToTotals(totals, preview);
      }
      checkSegmentCap(cap, imported.fileName);
      io.stderr.write(formatSummary(summaryObject(totals, imported.counts)));
      if (imported.counts.ok === 0) throw new CliFailure(`${positionals[0]} has no row that can be sent.`);
      const when = timeToSend ? ` for delivery at ${timeToSend}` : ' now';
      if (testTo) {
        const first = imported.recipients.find((r) => r.status === 'ok')!;
        const text = previewRow(compiled.template, first.fields, first.to, {
          autoconvert,
          ...pricing,
          table: pricing.replacements,
        }).text;
        const client = createMessenteClient({ ...urls, ...credentials });
        const test = await sendTestMessage(client, { to: testTo, text, sender, autoconvert }).finally(() =>
          client.close(),
        );
        io.stderr.write(`${test.message}\n`);
        if (!test.ok) throw new CliFailure('the campaign was not sent.');
        if (!values.yes && !process.stdin.isTTY) {
          io.stderr.write(
            'Nothing else was sent. When the test looks right, run the same command without --test-to.\n',
          );
          return 0;
        }
      }
      if (!values.yes && !(await confirm(io, `Send ${imported.counts.ok} messages${when}?`))) {
        io.stderr.write('Nothing was sent.\n');
        return 1;
      }

      const id = insertCampaign(db, {
        name:
          values.name ?? `${imported.fileName} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`,
        testMode: false,
        template,
        sender,
        autoconvert,
        country,
        columns: imported.header,
        phoneColumn: imported.phoneColumn,
        sourceFile: imported.fileName,
        headerRow: imported.headerRow,
        rate,
      });
      try {
        for (let i = 0; i < imported.recipients.length; i += BATCH_ROWS) {
          addRecipients(db, id, imported.recipients.slice(i, i + BATCH_ROWS), pricing);
        }
      } catch (error) {
        if (error instanceof UserError) throw new UsageError(error.message);
        throw error;
      }
      io.stderr.write(`Campaign ${id} created. Sending at ${rate} messages per second${when}…\n`);
      const final = await runCampaignInCli({
        db,
        campaignId: id,
        io,
        mode: 'start',
        options: {
          rate,
          batchSize,
          maxCostMicros: maxCost === undefined ? null : Math.round(maxCost * 1_000_000),
          timeToSend,
        },
        getClient: async () => createMessenteClient({ ...urls, ...credentials }),
      });
      // The schedule is stored with the campaign: a plain resume keeps it.
      if (timeToSend && final.status !== 'completed' && final.status !== 'cancelled')
        io.stderr.write(
          `The rest stays scheduled for ${timeToSend}: omnicast resume ${id} keeps that time (--at NEW changes it, --now delivers now).\n`,
        );
      io.stdout.write(`${id}\n`);
      return final.status === 'completed' && final.counts.failed === 0 && final.counts.unknown === 0 ? 0 : 1;
    } finally {
      db.close();
    }
  },
};

async function confirm(io: CliIO, question: string): Promise<boolean> {
  if (!process.stdin.isTTY)
    throw new UsageError('no terminal to confirm on: add --yes to send without asking.');
  const rl = createInterface({ input: process.stdin, output: io.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}
