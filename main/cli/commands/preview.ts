import { csvLine } from '../../../shared/import';
import { formatPrice } from '../../../shared/money';
import {
  addToTotals,
  applyAutoconvert,
  countSegments,
  createTotals,
  previewRow,
  renderTemplate,
  typicalFields,
  type RowPreview,
} from '../../../shared/sms';
import type { ImportedRecipient } from '../../../shared/types';
import type { CliCore } from '../cli-core';
import { UsageError, type CliIO, type Command } from '../command';
import { DATA_DIR_HELP } from '../data-dir';
import { parseFileCommand } from '../file-command';
import {
  checkImportProblems,
  checkSegmentCap,
  IMPORT_HELP,
  writeImportProblems,
  type InputValues,
} from '../input-options';
import { readCampaignInput } from '../campaign-input';
import { openPricingCore, PRICES_HELP } from '../pricing';
import { formatSummary, summaryObject } from '../summary';
import { localTime } from '../../reports/local-time';
import { planRows, timeSummaryText, type PlannedRows } from '../row-times';
import { deliveryPlanFrom, TIME_HELP, type TimeValues } from '../time-options';
import type { PlannedRow } from '../../campaign-rows/row-times';

const FORMATS = ['table', 'jsonl', 'csv', 'summary'] as const;
type Format = (typeof FORMATS)[number];

export const previewCommand: Command = {
  name: 'preview',
  summary: 'show every row as it will be sent: text, encoding, segments and cost',
  help: [
    'Usage: omnicast preview FILE.csv (--template TEXT | --template-file PATH) [options]',
    '',
    ...IMPORT_HELP,
    ...TIME_HELP,
    PRICES_HELP,
    '  --format F               table (default), jsonl, csv or summary',
    '  --test-mode, --live      price with test mode’s or the live account’s saved list (default: the app’s mode)',
    DATA_DIR_HELP,
    '',
    'Rows are numbered as the spreadsheet shows them (the header row counts), as in the app.',
    'Problems in the file and messages over the segment cap are printed; then exits 2 unless accepted.',
  ].join('\n'),
  async run(argv, io) {
    const { values, file, template } = parseFileCommand(argv, io, { format: { type: 'string' } });
    const format = (values.format ?? 'table') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
    // The same defaults, opt-outs and saved prices as `send` and the app: a preview that differs
    // from what is sent is worse than none.
    const cli = await openPricingCore(values, io);
    try {
      return await preview(cli, values, file, template, format, io);
    } finally {
      await cli.close();
    }
  },
};

async function preview(
  cli: CliCore,
  values: InputValues & TimeValues,
  file: string | undefined,
  templateSource: string,
  format: Format,
  io: CliIO,
): Promise<number> {
  const { autoconvert, cap, imported, template } = await readCampaignInput(
    cli,
    values,
    file,
    templateSource,
    io.cwd,
  );
  const pricing = cli.core.pricing();
  writeImportProblems(imported, (line) => io.stderr.write(line));

  const timed = deliveryPlanFrom(values, imported);
  const planned = timed && planRows(imported.recipients, timed.plan, timed.choices, Date.now());
  const sendable = imported.recipients.filter((r) => r.status === 'ok');
  const typical = renderTemplate(
    template,
    typicalFields(
      sendable.map((r) => r.fields),
      imported.header.length,
    ),
  );
  const options = {
    autoconvert,
    prices: pricing.prices,
    table: pricing.replacements,
    typicalSegments: countSegments(applyAutoconvert(typical.text, autoconvert, pricing.replacements).text)
      .segments,
  };

  const totals = createTotals();
  const write = (line: string) => io.stdout.write(line);
  if (format === 'csv')
    write(
      csvLine([
        'row',
        'to',
        'status',
        'reason',
        'text',
        'encoding',
        'characters',
        'units',
        'segments',
        'cost',
        ...(planned ? ['send_at', 'time_problem'] : []),
      ]),
    );
  if (format === 'table')
    write(
      `${'row'.padStart(6)}  ${'to'.padEnd(16)}  ${planned ? `${'delivery'.padEnd(22)}  ` : ''}${'encoding'.padEnd(8)}  seg  ${'cost'.padStart(9)}  text\n`,
    );
  for (const recipient of imported.recipients) {
    const time = planned?.byRow.get(recipient.row) ?? null;
    const sent = recipient.status === 'ok' && !time?.skipReason;
    const preview = previewRow(
      template,
      recipient.fields,
      sent ? recipient.to : null,
      options,
      time?.context ?? null,
    );
    const line = rowObject(recipient, preview, imported.headerRow, planned, time);
    const overCap = sent ? cap.add(line.row, preview.segments) : null;
    if (overCap) Object.assign(line, { status: 'error', reason: overCap });
    else if (sent) addToTotals(totals, preview);
    if (format === 'jsonl') write(`${JSON.stringify(line)}\n`);
    else if (format === 'csv') write(csvLine(Object.values(line).map((v) => (v === null ? '' : String(v)))));
    else if (format === 'table') write(tableLine(line));
  }
  const summary = summaryObject(totals, imported.counts);
  if (format === 'jsonl') write(`${JSON.stringify({ summary })}\n`);
  else if (format !== 'csv') write(formatSummary(summary));
  if (planned && format !== 'csv')
    (format === 'jsonl' ? io.stderr : io.stdout).write(timeSummaryText(planned));
  checkImportProblems(imported, values);
  checkSegmentCap(cap, imported.fileName);
  return 0;
}

/** `row` is the row as the spreadsheet shows it (header included), as in reasons ("Same number as row 2") and the app. */
function rowObject(
  r: ImportedRecipient,
  p: RowPreview,
  headerRow: number,
  planned: PlannedRows | null,
  time: PlannedRow | null,
) {
  const ok = r.status === 'ok' && !time?.skipReason;
  const reason = ok
    ? p.emptyFields.length > 0
      ? `Empty value without fallback: ${p.emptyFields.join(', ')}`
      : p.extraSegment
        ? 'Merged values add a segment'
        : null
    : (time?.skipReason ?? r.reason);
  return {
    row: r.row + headerRow,
    to: r.to,
    status: ok && p.text.trim() === '' ? 'error' : time?.skipReason ? 'skipped' : r.status,
    reason: ok && p.text.trim() === '' ? 'The message is empty for this row' : reason,
    // What the recipient receives: after autoconvert, matching the encoding and segments beside it.
    text: p.sentText,
    encoding: p.encoding,
    characters: p.characters,
    units: p.units,
    segments: p.segments,
    cost: ok && p.costMaxMicros !== null ? p.costMaxMicros / 1_000_000 : null,
    // Only with a time column: the row's own delivery time, local with its offset (null = at once).
    ...(planned
      ? {
          send_at: time?.time.sendAt ? localTime(time.time.sendAt, time.time.zone) : null,
          time_problem: time?.time.problem ?? null,
        }
      : {}),
  };
}

function tableLine(l: ReturnType<typeof rowObject>): string {
  const text = l.status === 'ok' ? l.text.replace(/\s+/g, ' ') : `(${l.status}: ${l.reason ?? ''})`;
  // A message's price in its real precision (€0.0675), as the app's preview shows it.
  const cost = l.cost === null ? '?' : formatPrice(Math.round(l.cost * 1_000_000));
  const delivery =
    'send_at' in l ? `${(l.send_at ?? (l.status === 'ok' ? 'at once' : '')).padEnd(22)}  ` : '';
  return `${String(l.row).padStart(6)}  ${(l.to ?? '').padEnd(16)}  ${delivery}${l.encoding.padEnd(8)}  ${String(l.segments).padStart(3)}  ${cost.padStart(9)}  ${text.length > 70 ? `${text.slice(0, 69)}…` : text}\n`;
}
