// Options shared by `preview` and `send`: how to read the recipients file and the template.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  importRecipients,
  type CsvEncoding,
  type ImportOptions,
  type ImportResult,
} from '../../shared/import';
import { importRecipientsParallel } from '../import/parallel';
import { parseTemplateFile } from '../../shared/sms';
import type { Autoconvert } from '../../shared/types';
import { UsageError } from './command';

export const IMPORT_OPTIONS = {
  country: { type: 'string' },
  'phone-column': { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  'header-row': { type: 'string' },
  template: { type: 'string' },
  'template-file': { type: 'string' },
  autoconvert: { type: 'string' },
} as const;

export const IMPORT_HELP = [
  '  --template TEXT          the message, with {{column}} and {{column|fallback}} placeholders',
  '  --template-file PATH     read the template from a UTF-8 .txt file instead',
  '  --phone-column NAME      the column holding phone numbers (default: detected)',
  '  --country CC             country for national numbers, e.g. EE (default: EE)',
  '  --delimiter C            , ; tab or | (default: detected)',
  '  --encoding E             utf-8, utf-16le, utf-16be or windows-1252 (default: detected)',
  '  --header-row N           the row holding the column names (default: detected)',
  '  --autoconvert MODE       on, full or off (default: on)',
];

/** The most a recipients file may weigh: far above real exports, well below what memory allows. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

const ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];
const DELIMITERS: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };

export interface InputValues {
  country?: string;
  'phone-column'?: string;
  delimiter?: string;
  encoding?: string;
  'header-row'?: string;
  template?: string;
  'template-file'?: string;
  autoconvert?: string;
}

export function readRecipientsFile(
  file: string | undefined,
  values: InputValues,
  cwd: string,
  optOuts: ReadonlySet<string> = new Set(),
): ImportResult {
  const { bytes, options } = loadRecipientsFile(file, values, cwd, optOuts);
  const outcome = importRecipients(bytes, options);
  if (!outcome.ok) throw new UsageError(outcome.error);
  return outcome.result;
}

/**
 * Same result as readRecipientsFile, but a file over PARALLEL_MIN_BYTES is imported on two cores
 * (worker thread bundled as dist/main/import-worker.cjs next to the CLI).
 */
export async function readRecipientsFileAsync(
  file: string | undefined,
  values: InputValues,
  cwd: string,
  optOuts: ReadonlySet<string> = new Set(),
): Promise<ImportResult> {
  const { bytes, options } = loadRecipientsFile(file, values, cwd, optOuts);
  const outcome = await importRecipientsParallel(bytes, options);
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
    if (statSync(path).size > MAX_FILE_BYTES)
      throw new UsageError(`${file} is larger than 1 GB; split it first.`);
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
  const delimiter = values.delimiter === undefined ? undefined : DELIMITERS[values.delimiter];
  if (values.delimiter !== undefined && delimiter === undefined) {
    throw new UsageError('--delimiter must be one of , ; tab |');
  }
  const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1)) {
    throw new UsageError('--header-row must be a row number from 1.');
  }
  const options: ImportOptions = {
    fileName: file,
    defaultCountry: countryOption(values.country),
    phoneColumn: values['phone-column'],
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
  if (values['template-file'] !== undefined) {
    try {
      return parseTemplateFile(readFileSync(resolve(cwd, values['template-file']), 'utf8'));
    } catch {
      throw new UsageError(`cannot read the template file ${values['template-file']}.`);
    }
  }
  if (values.template === undefined || values.template.trim() === '') {
    throw new UsageError('give the message with --template TEXT or --template-file PATH.');
  }
  return values.template;
}

export function autoconvertOption(value: string | undefined): Autoconvert {
  if (value === undefined) return 'on';
  if (value === 'on' || value === 'full' || value === 'off') return value;
  throw new UsageError('--autoconvert must be on, full or off.');
}
