// Options shared by `preview` and `send` for a campaign delivered row by row at each row's own time:
// the time column, its format, the rule, quiet hours, the operator's zone, and what becomes of rows
// whose time cannot be scheduled. Turned into the same plan the app sends with campaigns.create.
import {
  DEFAULT_QUIET_HOURS,
  describeFormat,
  parseQuietHours,
  parseSendRule,
  timeColumnsOf,
  type DeliveryPlan,
  type ProblemChoices,
} from '../../shared/delivery-time';
import { DEFAULT_PROBLEM_CHOICES, isKnownZone } from '../../shared/contract/delivery-plan';
import type { ImportResult } from '../../shared/import';
import { MAX_SCHEDULE_DAYS } from '../../shared/limits';
import { TIME_FORMATTER_HELP } from '../../shared/sms/template';
import { UsageError } from './command';

export const TIME_OPTIONS = {
  'time-column': { type: 'string' },
  'time-format': { type: 'string' },
  offset: { type: 'string' },
  'at-time': { type: 'string' },
  'days-before': { type: 'string' },
  'quiet-hours': { type: 'string' },
  zone: { type: 'string' },
  past: { type: 'string' },
  unparseable: { type: 'string' },
  'too-far': { type: 'string' },
} as const;

export const TIME_HELP = [
  '  --time-column NAME       deliver each row at its own time, from this column (e.g. Appointment)',
  "  --time-format F          how it is written: 'dd.MM.yyyy HH:mm', 'd.M.yyyy H:mm', 'MM/dd/yyyy h:mm a',",
  "                           'yyyy-MM-dd HH:mm', iso, or excel (default: detected as the app does, from",
  "                           the file's first 2 000 rows; a workbook's date-time cells are read as",
  '                           excel, its days without a time of day are no time column)',
  '  --offset -24h            deliver this long before the time (-2h, -90m, -1d); default: at the time',
  '  --at-time 10:00          deliver at this time of day, --days-before N days before (default 1)',
  '  --quiet-hours 21:00-08:00  no delivery between these times of the recipient (default 21:00-08:00; off)',
  '  --zone ZONE              your time zone, for rows whose country gives none (default: this computer’s)',
  '  --past skip|send-now     rows whose delivery time has passed (default skip)',
  '  --unparseable skip|send-now  rows whose time cannot be read (default skip)',
  '  --too-far skip|send-now|keep-queued  rows more than 30 days ahead (default skip); keep-queued holds',
  `                           them in Omnicast and submits them when Messente's ${MAX_SCHEDULE_DAYS}-day window opens,`,
  '                           which needs omnicast (or the app) running then',
  `                           ${TIME_FORMATTER_HELP}`,
];

export interface TimeValues {
  'time-column'?: string;
  'time-format'?: string;
  offset?: string;
  'at-time'?: string;
  'days-before'?: string;
  'quiet-hours'?: string;
  zone?: string;
  past?: string;
  unparseable?: string;
  'too-far'?: string;
}

const TIME_ONLY = [
  'time-format',
  'offset',
  'at-time',
  'days-before',
  'quiet-hours',
  'past',
  'unparseable',
  'too-far',
] as const;

function choice<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be ${allowed.join(' or ')}; got "${value}".`);
}

/** The plan for `imported`, or null when no --time-column was given (one time for the campaign). */
export function deliveryPlanFrom(
  values: TimeValues,
  imported: Pick<ImportResult, 'header' | 'recipients' | 'countryColumn' | 'fileName'>,
): { plan: DeliveryPlan; choices: ProblemChoices } | null {
  const name = values['time-column'];
  if (name === undefined) {
    const stray = TIME_ONLY.find((flag) => values[flag] !== undefined);
    if (stray) throw new UsageError(`--${stray} needs --time-column NAME (the column with each row's time).`);
    return null;
  }
  const wanted = name.trim().toLowerCase();
  const column = imported.header.findIndex((h) => h.trim().toLowerCase() === wanted);
  if (column < 0) {
    throw new UsageError(
      `--time-column: ${imported.fileName} has no column "${name}" (its columns: ${imported.header.join(', ')}).`,
    );
  }
  const format = values['time-format'] ?? detectedFormat(imported, column);
  const rule = parseSendRule({
    ...(values.offset === undefined ? {} : { offset: values.offset }),
    ...(values['at-time'] === undefined ? {} : { atTime: values['at-time'] }),
    ...(values['days-before'] === undefined ? {} : { daysBefore: values['days-before'] }),
  });
  if (!rule.ok) throw new UsageError(rule.message);
  const quiet = values['quiet-hours'] === undefined ? null : parseQuietHours(values['quiet-hours']);
  if (quiet && !quiet.ok) throw new UsageError(`--quiet-hours: ${quiet.message}`);
  const zone = values.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isKnownZone(zone))
    throw new UsageError(`--zone: "${zone}" is not a time zone name such as Europe/Tallinn.`);
  const d = DEFAULT_PROBLEM_CHOICES;
  return {
    plan: {
      column,
      format,
      rule: rule.rule,
      quietHours: quiet ? quiet.quietHours : DEFAULT_QUIET_HOURS,
      zone,
      countryColumn: imported.countryColumn,
    },
    choices: {
      past: choice('past', values.past, ['skip', 'send-now'], d.past),
      unparseable: choice('unparseable', values.unparseable, ['skip', 'send-now'], d.unparseable),
      tooFar: choice('too-far', values['too-far'], ['skip', 'send-now', 'keep-queued'], d.tooFar),
    },
  };
}

/**
 * The column's format as the app would guess it (from the file's first rows, a workbook's date-time
 * cells as spreadsheet dates, its days alone as no times), or a refusal asking for --time-format.
 */
function detectedFormat(
  imported: Pick<ImportResult, 'header' | 'recipients' | 'fileName'>,
  column: number,
): string {
  const name = imported.header[column]!;
  const guess = timeColumnsOf(imported).find((g) => g.column === column);
  if (!guess) {
    throw new UsageError(
      // Days alone land here too: --time-format cannot give them the hour a delivery needs.
      `--time-column: the column "${name}" of ${imported.fileName} holds no dates with a time of day that Omnicast can read. ` +
        'A delivery time needs the hour: a column of days alone cannot be used; one written another way needs --time-format.',
    );
  }
  if (guess.format === null) {
    const options = guess.candidates.map((c) => `'${c}' (${describeFormat(c)})`).join(' or ');
    throw new UsageError(
      `--time-column: the column "${name}" reads both ways, ${options}: choose one with --time-format.`,
    );
  }
  return guess.format;
}
