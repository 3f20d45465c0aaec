import { addToTotals, createTotals, previewRow } from '../../../shared/sms';
import { senderProblem } from '../../../shared/sender-name';
import { exportDelimiterFor, normalizePhone } from '../../../shared/import';
import { parseSendTime } from '../../sender/schedule';
import { requireCredentials, TARGET_HELP, type CliCore } from '../cli-core';
import { CliFailure, numberOption, UsageError, type Command } from '../command';
import { balanceRefusal, confirm, planText, type SendPlan } from '../confirm';
import { DATA_DIR_HELP } from '../data-dir';
import { parseFileCommand } from '../file-command';
import { checkImportProblems, checkSegmentCap, IMPORT_HELP } from '../input-options';
import { readCampaignInput, type CampaignInput } from '../campaign-input';
import { openPricingCore, PRICES_HELP } from '../pricing';
import { runCampaignInCli } from '../run-printer';
import { planRows, skippedForTime, timeSummaryText, type PlannedRows } from '../row-times';
import { deliveryPlanFrom, TIME_HELP } from '../time-options';
import { formatSummary, summaryObject } from '../summary';
import { errorMessage } from '../../../shared/errors';
import {
  DEFAULT_RATE,
  MAX_BATCH_SIZE,
  MAX_RATE,
  MIN_BATCH_SIZE,
  MIN_RATE,
  type Autoconvert,
} from '../../../shared/limits';

const BATCH_ROWS = 5_000;

export const sendCommand: Command = {
  name: 'send',
  summary: 'import a CSV, render the template for every row and send through Messente',
  help: [
    'Usage: omnicast send FILE.csv (--template TEXT | --template-file PATH) [options]',
    '',
    ...IMPORT_HELP,
    '  --sender NAME            sender name (≤ 11 letters/digits) or number; default: the app’s setting,',
    '                           else the account’s',
    `  --rate N                 messages per second, ${MIN_RATE} to ${MAX_RATE} (default: the app’s setting, ${DEFAULT_RATE})`,
    `  --batch-size N           omnimessages per request, ${MIN_BATCH_SIZE} to ${MAX_BATCH_SIZE} (default 1: one request each)`,
    '  --max-cost EUR           stop before the predicted cost would pass this amount',
    '  --name TEXT              campaign name (default: the file name and time)',
    '  --at TIME                deliver at this time (Messente time_to_send), with its UTC offset,',
    '                           e.g. 2026-05-04T18:00+03:00; at most 30 days ahead',
    ...TIME_HELP,
    '  --test-to NUMBER         first send the first row’s message to this number (yours) only;',
    '                           then asks before sending the campaign (with --yes: goes on at once;',
    '                           without a terminal and without --yes: stops after the test)',
    '  --ignore-balance         send even when the balance may not cover the predicted top cost',
    PRICES_HELP,
    ...TARGET_HELP,
    DATA_DIR_HELP,
    '  --yes                    send without asking for confirmation',
    '',
    'Prints the campaign id alone on the last line of stdout. Ctrl-C pauses; resume with omnicast resume ID.',
    'Exits 0 only when every row was accepted; 1 when some failed or are unknown (omnicast unknown ID),',
    'or when sending stopped before the end.',
  ].join('\n'),
  async run(argv, io) {
    const { values, file, template } = parseFileCommand(argv, io, {
      sender: { type: 'string' },
      rate: { type: 'string' },
      'batch-size': { type: 'string' },
      'max-cost': { type: 'string' },
      name: { type: 'string' },
      at: { type: 'string' },
      'test-to': { type: 'string' },
      'ignore-balance': { type: 'boolean' },
      yes: { type: 'boolean' },
    });
    const rateFlag = numberOption('rate', values.rate, MIN_RATE, MAX_RATE);
    const batchSize = numberOption('batch-size', values['batch-size'], MIN_BATCH_SIZE, MAX_BATCH_SIZE);
    const maxCost = numberOption('max-cost', values['max-cost'], 0.000001, 1e9);
    if (values.sender !== undefined) {
      const problem = senderProblem(values.sender);
      if (problem) throw new UsageError(`--sender: ${problem}`);
    }
    let timeToSend: string | undefined;
    if (values.at !== undefined && values['time-column'] !== undefined)
      throw new UsageError('choose one: --at (one time for all) or --time-column (each row its own time).');
    if (values.at !== undefined) {
      const at = parseSendTime(values.at, Date.now());
      if (!at.ok) throw new UsageError(`--at: ${at.message}`);
      timeToSend = at.iso;
    }
    const cli = await openPricingCore(values, io);
    try {
      await requireCredentials(cli);
      // The app's Settings are the defaults; a flag overrides its one setting for this send.
      const input = await readCampaignInput(cli, values, file, template, io.cwd);
      const { settings, country, autoconvert, cap, imported } = input;
      checkImportProblems(imported, values);
      const rate = rateFlag ?? settings.defaultRate;
      const sender = values.sender ?? settings.defaultSender;
      let testTo: string | null = null;
      if (values['test-to'] !== undefined) {
        const phone = normalizePhone(values['test-to'], country);
        if (!phone.ok) throw new UsageError(`--test-to: ${phone.reason} (${values['test-to']})`);
        testTo = phone.e164;
      }
      const timed = deliveryPlanFrom(values, imported);
      const planned = timed && planRows(imported.recipients, timed.plan, timed.choices, Date.now());
      const { testMode } = await cli.call('app.info', {});
      const pricing = cli.core.pricing();
      const options = { autoconvert, prices: pricing.prices, table: pricing.replacements };
      const totals = createTotals();
      let messages = 0;
      for (const r of imported.recipients) {
        if (r.status !== 'ok' || skippedForTime(planned, r.row)) continue;
        messages += 1;
        const context = planned?.byRow.get(r.row)?.context ?? null;
        const preview = previewRow(input.template, r.fields, r.to, options, context);
        cap.add(r.row + imported.headerRow, preview.segments);
        addToTotals(totals, preview);
      }
      checkSegmentCap(cap, imported.fileName);
      const summary = summaryObject(totals, imported.counts);
      io.stderr.write(formatSummary(summary));
      if (planned) io.stderr.write(timeSummaryText(planned));
      if (messages === 0) throw new CliFailure(`${file} has no row that can be sent.`);
      const when = planned ? ' each at its own time' : timeToSend ? ` for delivery at ${timeToSend}` : ' now';
      if (testTo) {
        const first = imported.recipients.find((r) => r.status === 'ok')!;
        const test = await cli.call('campaigns.testSend', {
          template,
          columns: imported.header,
          fields: first.fields,
          to: testTo,
          sender,
          autoconvert,
        });
        io.stderr.write(`${test.message}\n`);
        if (!test.ok) throw new CliFailure('the campaign was not sent.');
        if (!values.yes && !process.stdin.isTTY) {
          io.stderr.write(
            'Nothing else was sent. When the test looks right, run the same command without --test-to.\n',
          );
          return 0;
        }
      }
      const priced = totals.messages - totals.unpricedMessages > 0;
      const plan: SendPlan = {
        messages,
        skipped: imported.counts.total - messages,
        segments: totals.segments,
        costMinMicros: priced ? totals.costMinMicros : null,
        costMaxMicros: priced ? totals.costMaxMicros : null,
        unpriced: totals.unpricedMessages,
        testMode,
        apiUrl: cli.core.target().live.apiUrl,
        balance: await balance(cli),
        when,
      };
      io.stderr.write(`${planText(plan)}\n`);
      const refusal = values['ignore-balance'] ? null : balanceRefusal(plan);
      if (refusal) throw new CliFailure(`nothing was sent: ${refusal}`);
      if (!values.yes && !(await confirm(io, `Send ${messages} messages${when}?`))) {
        io.stderr.write('Nothing was sent.\n');
        return 1;
      }
      const id = await createCampaign(cli, {
        name:
          values.name ?? `${imported.fileName} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`,
        template,
        sender,
        autoconvert,
        country,
        imported,
        planned,
      });
      io.stderr.write(`Campaign ${id} created. Sending at ${rate} messages per second${when}…\n`);
      const final = await runCampaignInCli({
        cli,
        campaignId: id,
        io,
        start: {
          rate,
          ...(batchSize === undefined ? {} : { batchSize: Math.round(batchSize) }),
          ...(maxCost === undefined ? {} : { maxCostEur: maxCost }),
          ...(timeToSend === undefined ? {} : { timeToSend }),
          // Weighed above against the balance read for the plan (or overridden by --ignore-balance):
          // the account is asked once, not again by the start.
          ignoreBalance: true,
        },
      });
      // The schedule is stored with the campaign: a plain resume keeps it.
      if (timeToSend && final.status !== 'completed' && final.status !== 'cancelled')
        io.stderr.write(
          `The rest stays scheduled for ${timeToSend}: omnicast resume ${id} keeps that time (--at NEW changes it, --now delivers now).\n`,
        );
      if (planned) {
        const after = await cli.call('campaigns.get', { id });
        io.stderr.write(scheduledWords(after.scheduledUntil ?? null, id));
      }
      io.stdout.write(`${id}\n`);
      return final.status === 'completed' && final.counts.failed === 0 && final.counts.unknown === 0 ? 0 : 1;
    } finally {
      await cli.close();
    }
  },
};

/** The account's balance now, or why it is unknown (never a reason to stop by itself). */
async function balance(cli: CliCore): Promise<SendPlan['balance']> {
  try {
    const { eur } = await cli.call('account.balance', {});
    return { micros: Math.round(eur * 1_000_000), at: new Date() };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

interface NewCampaignInput {
  name: string;
  template: string;
  sender: string;
  autoconvert: Autoconvert;
  country: string;
  imported: CampaignInput['imported'];
  planned: PlannedRows | null;
}

function scheduledWords(until: string | null, id: number): string {
  if (until === null || Date.parse(until) <= Date.now()) return '';
  return `Scheduled until ${until}: each message waits at Messente for its own time; omnicast cancel ${id} takes back those still ahead.\n`;
}

/** A draft through the app's own calls: the core renders, prices and re-checks opt-outs per row. */
async function createCampaign(cli: CliCore, c: NewCampaignInput): Promise<number> {
  const { imported } = c;
  const { id } = await cli.call('campaigns.create', {
    name: c.name,
    template: c.template,
    sender: c.sender,
    autoconvert: c.autoconvert,
    country: c.country,
    columns: imported.header,
    phoneColumn: imported.phoneColumn,
    sourceFile: imported.fileName,
    headerRow: imported.headerRow,
    delimiter: exportDelimiterFor(imported.delimiter),
    ...(c.planned ? { deliveryPlan: c.planned.plan, problemChoices: c.planned.choices } : {}),
  });
  for (let i = 0; i < imported.recipients.length; i += BATCH_ROWS) {
    await cli.call('campaigns.addRecipients', {
      id,
      recipients: imported.recipients.slice(i, i + BATCH_ROWS),
    });
  }
  return id;
}
