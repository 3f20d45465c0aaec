// Options shared by `preview` and `send`: how to read the recipients file and the template.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  EXPORT_DELIMITERS,
  importRecipients,
  type CsvEncoding,
  type ExportDelimiter,
  type ImportOptions,
  type ImportResult,
} from '../../shared/import';
import { parseTemplateFile } from '../../shared/sms';
import type { Autoconvert } from '../../shared/types';
import {
  DEFAULT_MAX_SEGMENTS,
  fileTooLarge,
  importProblemsRefusal,
  MAX_SEGMENTS_LIMIT,
  SegmentCapCheck,
  templateTooLong,
} from '../../shared/import/rules';
import { numberOption, UsageError } from './command';
import { nativeInflateRaw } from '../native-inflate';
import { AUTOCONVERT_LIST, DEFAULT_AUTOCONVERT, isAutoconvert } from '../../shared/limits';

export const IMPORT_OPTIONS = {
  country: { type: 'string' },
  'phone-column': { type: 'string' },
  'country-column': { type: 'string' },
  sheet: { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  'header-row': { type: 'string' },
  template: { type: 'string' },
  'template-file': { type: 'string' },
  autoconvert: { type: 'string' },
  'accept-problems': { type: 'boolean' },
  'max-segments': { type: 'string' },
} as const;

export const IMPORT_HELP = [
  '  --template TEXT          the message, with {{column}} and {{column|fallback}} placeholders',
  '  --template-file PATH     read the template from a UTF-8 .txt file instead',
  '  --phone-column NAME      the column holding phone numbers (default: detected)',
  '  --country CC             country for national numbers, e.g. EE (default: the app’s setting, EE)',
  '  --country-column NAME    the column giving each row its country (FI, FIN, Finland, +358…) for',
  '                           national numbers; --country where empty (default: detected; "" for none)',
  '  --sheet NAME             the sheet of a workbook (.xlsx, .ods) to read (default: the first)',
  '  --delimiter C            , ; tab or | (default: detected)',
  '  --encoding E             utf-8, utf-16le, utf-16be or windows-1252 (default: detected)',
  '  --header-row N           the row holding the column names (default: detected)',
  `  --autoconvert MODE       ${AUTOCONVERT_LIST} (default: the app’s setting, ${DEFAULT_AUTOCONVERT})`,
  '  --accept-problems        go on although the file has problems (an unclosed quote, rows run',
  '                           together, too many or too few values, bytes that are not UTF-8)',
  `  --max-segments N         the most segments one message may take (default: the setting, ${DEFAULT_MAX_SEGMENTS})`,
];

const ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];
/** How a delimiter is named on the command line: the character itself, or `tab`. */
const DELIMITERS: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };

/** `--delimiter` of a file read: , ; tab or |; undefined when not given (detected). */
export function delimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const delimiter = DELIMITERS[value];
  if (delimiter === undefined) throw new UsageError('--delimiter must be one of , ; tab |');
  return delimiter;
}

/** `--delimiter` of a file written: the delimiters an export may use (, ; or tab). */
export function exportDelimiterOption(value: string | undefined): ExportDelimiter | undefined {
  if (value === undefined) return undefined;
  const allowed = EXPORT_DELIMITERS.find((d) => d === DELIMITERS[value]);
  if (allowed === undefined) throw new UsageError('--delimiter must be , ; or tab');
  return allowed;
}

export interface InputValues {
  country?: string;
  'phone-column'?: string;
  'country-column'?: string;
  sheet?: string;
  delimiter?: string;
  encoding?: string;
  'header-row'?: string;
  template?: string;
  'template-file'?: string;
  autoconvert?: string;
  'accept-problems'?: boolean;
  'max-segments'?: string;
}

export function readRecipientsFile(
  file: string | undefined,
  values: InputValues,
  cwd: string,
  optOuts: ReadonlySet<string> = new Set(),
): ImportResult {
  const { bytes, options } = loadRecipientsFile(file, values, cwd, optOuts);
  const outcome = importRecipients(bytes, options, nativeInflateRaw);
  if (!outcome.ok) throw new UsageError(outcome.error);
  return outcome.result;
}

function loadRecipientsFile(
  file: string | undefined,
  values: InputValues,
  cwd: string,
  optOuts: ReadonlySet<string>,
): { bytes: Uint8Array; options: ImportOptions } {
  if (!file) throw new UsageError('name the recipients CSV file, e.g. omnicast preview customers.csv');
  const path = resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    const tooLarge = fileTooLarge(file, statSync(path).size);
    if (tooLarge) throw new UsageError(tooLarge);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'permission denied or not a file'}.`,
    );
  }
  const encoding = values.encoding?.toLowerCase();
  if (encoding !== undefined && !ENCODINGS.includes(encoding as CsvEncoding)) {
    throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}.`);
  }
  const delimiter = delimiterOption(values.delimiter);
  const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1)) {
    throw new UsageError('--header-row must be a row number from 1.');
  }
  const options: ImportOptions = {
    fileName: file,
    defaultCountry: countryOption(values.country),
    phoneColumn: values['phone-column'],
    countryColumn: values['country-column'] === '' ? null : values['country-column'],
    sheet: values.sheet,
    delimiter,
    encoding: encoding as CsvEncoding | undefined,
    headerRow,
    optOuts,
  };
  return { bytes, options };
}

export function countryOption(value: string | undefined): string {
  const country = (value ?? 'EE').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    throw new UsageError(`--country must be a two-letter country code such as EE (got "${value}").`);
  return country;
}

export function readTemplate(values: InputValues, cwd: string): string {
  if (values.template !== undefined && values['template-file'] !== undefined) {
    throw new UsageError('give either --template or --template-file, not both.');
  }
  let template: string;
  if (values['template-file'] !== undefined) {
    try {
      template = parseTemplateFile(readFileSync(resolve(cwd, values['template-file']), 'utf8'));
    } catch {
      throw new UsageError(`cannot read the template file ${values['template-file']}.`);
    }
  } else if (values.template === undefined || values.template.trim() === '') {
    throw new UsageError('give the message with --template TEXT or --template-file PATH.');
  } else template = values.template;
  const tooLong = templateTooLong(template);
  if (tooLong) throw new UsageError(tooLong);
  return template;
}

/** Refuses a file with problems in its structure unless --accept-problems was given. */
export function checkImportProblems(imported: ImportResult, values: InputValues): void {
  if (values['accept-problems']) return;
  const refusal = importProblemsRefusal(imported);
  if (refusal) throw new UsageError(`${refusal}. Fix the file, or add --accept-problems to go on.`);
}

/** Problems in the file's structure, one line each, for the operator to read before going on. */
export function writeImportProblems(imported: ImportResult, write: (line: string) => void): void {
  if (imported.problems.length === 0) return;
  write(`Problems in "${imported.fileName}":\n`);
  for (const p of imported.problems) write(`  ${p.message}\n`);
}

/** --max-segments, else `fallback` (the data folder's setting, where the command has one). */
export function segmentCapOption(values: InputValues, fallback = DEFAULT_MAX_SEGMENTS): SegmentCapCheck {
  const max = numberOption('max-segments', values['max-segments'], 1, MAX_SEGMENTS_LIMIT);
  if (max !== undefined && !Number.isInteger(max))
    throw new UsageError(`--max-segments must be a whole number (got "${values['max-segments']}").`);
  return new SegmentCapCheck(max ?? fallback);
}

/** Refuses when a rendered message is over the segment cap. */
export function checkSegmentCap(cap: SegmentCapCheck, fileName: string): void {
  const refusal = cap.refusal(fileName);
  if (refusal) throw new UsageError(`${refusal}. Shorten the message, or allow more with --max-segments.`);
}

export function autoconvertOption(value: string | undefined): Autoconvert {
  if (value === undefined) return DEFAULT_AUTOCONVERT;
  if (isAutoconvert(value)) return value;
  throw new UsageError(`--autoconvert must be ${AUTOCONVERT_LIST}.`);
}
