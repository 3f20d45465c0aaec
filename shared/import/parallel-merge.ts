// The pure halves of the parallel import: planning (decode once, detect the layout on the same first
// text the streaming importer sees, cut at record boundaries) and merging (duplicates across slices:
// the first occurrence in file order wins; counts and problems summed). A runner with threads sits in
// between (main/import/parallel.ts). Any doubt in planning returns null: import single-threaded.
import type { ImportedRecipient } from '../types';
import { createStreamDecoder, decodeCsvBytes, type CsvEncoding } from './decode';
import { detectLayout, SAMPLE_BYTES, type LayoutSetup } from './importer';
import { MAX_PROBLEMS, type ImportCounts, type ImportOptions, type ImportOutcome } from './model';
import { NO_NUMBER } from './parallel-pack';
import { PhoneIndex } from './phone-index';
import { splitCsvForWorkers, splitUtf8ForWorkers, type TextPart } from './parallel-split';
import { headerOnly, refusal } from './refusals';
import type { RowsPart } from './rows';

/** The slice importRecipients() pushes at a time: its first slice is the layout's sample. */
export const IMPORT_SLICE_BYTES = 4 * 1024 * 1024;

export interface ParallelPlan {
  layout: LayoutSetup;
  encoding: CsvEncoding;
  /**
   * What `parts` index: the decoded file (BOM and final line break removed), or for UTF-8 the bytes
   * after any BOM (parts are byte offsets; each thread decodes its own slice).
   */
  source: string | Uint8Array;
  /** For UTF-8 bytes: whether decoding is strict (see ChunkJob). */
  strict: boolean;
  parts: TextPart[];
}

export function planParallelImport(
  bytes: Uint8Array,
  options: ImportOptions,
  parts: number,
  shares?: readonly number[],
): ParallelPlan | null {
  if (parts < 2 || bytes.length === 0) return null;
  // importRecipients() detects the layout on its first 4 MB slice, or at finish() on the whole file
  // when that is under SAMPLE_BYTES: do exactly the same.
  const whole = bytes.length < SAMPLE_BYTES;
  const head = bytes.subarray(0, IMPORT_SLICE_BYTES);
  if (refusal(head, options.fileName, options.encoding)) return null;
  const decoder = createStreamDecoder(head, options.encoding);
  // Windows-1252 takes a replay path in the streaming importer; leave it to that.
  if (decoder.encoding === 'windows-1252') return null;
  let sample = decoder.push(head, whole);
  if (sample === null || (!whole && sample.length < 32 * 1024)) return null;
  if (whole) sample = sample.replace(/(?:\r\n|\n|\r)$/, '');
  let layout: LayoutSetup;
  try {
    layout = detectLayout(sample, whole, options);
  } catch {
    return null;
  }
  if (decoder.encoding === 'utf-8') {
    // Cut the bytes, not a decoded text: decoding 50 MB up front would cost this thread what the
    // worker saves it.
    const body = bytes.subarray(decoder.hadBom ? 3 : 0);
    let length = body.length;
    if (body[length - 1] === 0x0a) length--;
    if (body[length - 1] === 0x0d) length--;
    const cut = splitUtf8ForWorkers(body, length, parts, layout.delimiter, layout.newline, shares);
    if (!cut || cut.length < 2) return null;
    return { layout, encoding: 'utf-8', source: body, strict: decoder.strict, parts: cut };
  }
  const decoded = decodeCsvBytes(bytes, options.encoding);
  if (decoded.encoding !== decoder.encoding) return null;
  const text = decoded.text.replace(/(?:\r\n|\n|\r)$/, '');
  const cut = splitCsvForWorkers(text, parts, layout.delimiter, layout.newline, shares);
  if (!cut || cut.length < 2) return null;
  return { layout, encoding: decoded.encoding, source: text, strict: false, parts: cut };
}

/** Joins the slices' results (in file order) into what importRecipients() returns for the file. */
export function mergeImportParts(
  plan: ParallelPlan,
  parts: RowsPart[],
  options: ImportOptions,
): ImportOutcome {
  const { setup, delimiter } = plan.layout;
  const { headerRow } = setup;
  const first = parts[0];
  if (!first) return { ok: false, error: headerOnly(options.fileName) };
  const earlier = first.seen ?? firstRows(first.recipients, headerRow);
  const later = new PhoneIndex();
  const counts: ImportCounts = { ...first.counts };
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k] as RowsPart;
    for (const key of Object.keys(counts) as (keyof ImportCounts)[]) counts[key] += part.counts[key];
    const remember = k < parts.length - 1;
    const { recipients, keys } = part;
    // With a worker's numeric keys, a row is read only when it turns out to be a duplicate.
    const byKey = keys !== undefined && earlier instanceof PhoneIndex ? earlier : null;
    for (let i = 0; i < recipients.length; i++) {
      const key = keys?.[i] ?? -1;
      if (key === NO_NUMBER) continue;
      let firstRow: number | undefined;
      let r: ImportedRecipient | undefined;
      if (byKey !== null && key >= 0) firstRow = byKey.getKey(key) ?? later.getKey(key);
      else {
        r = recipients[i] as ImportedRecipient;
        if (r.to === null) continue;
        firstRow = earlier.get(r.to) ?? later.get(r.to);
      }
      if (firstRow === undefined) {
        if (!remember) continue;
        r ??= recipients[i] as ImportedRecipient;
        // In-slice duplicates already point at this row; only later slices need to find it.
        if (r.status !== 'duplicate') later.setIfAbsent(r.to as string, r.row + headerRow);
        continue;
      }
      r ??= recipients[i] as ImportedRecipient;
      if (r.status === 'opted_out') continue;
      if (r.status === 'ok') {
        counts.ok--;
        counts.duplicate++;
        r.status = 'duplicate';
      }
      r.reason = `Same number as row ${firstRow}`;
    }
  }
  const recipients: ImportedRecipient[] = first.recipients.concat(...parts.slice(1).map((p) => p.recipients));
  if (recipients.length === 0) return { ok: false, error: headerOnly(options.fileName) };
  const all = parts.flatMap((p) => p.problems);
  const problems = all.slice(0, MAX_PROBLEMS);
  const leftOut = parts.reduce((n, p) => n + p.problemsLeftOut, 0) + all.length - problems.length;
  if (leftOut > 0) {
    problems.push({ row: 0, column: null, message: `… and ${leftOut} more problems like these.` });
  }
  return {
    ok: true,
    result: {
      fileName: options.fileName,
      encoding: plan.encoding,
      delimiter,
      headerRow,
      header: setup.header,
      headerIssues: setup.headerIssues,
      phoneColumn: setup.phoneColumn,
      phoneColumnName: setup.header[setup.phoneColumn] ?? '',
      phoneCandidates: setup.candidates,
      countryColumn: setup.countryColumn ?? null,
      countryColumnName: setup.countryColumn == null ? null : (setup.header[setup.countryColumn] ?? null),
      recipients,
      counts,
      problems,
    },
  };
}

/** E.164 → spreadsheet row of its first occurrence, for a slice imported in another thread. */
function firstRows(recipients: readonly ImportedRecipient[], headerRow: number): Map<string, number> {
  const seen = new Map<string, number>();
  for (const r of recipients) if (r.to !== null && !seen.has(r.to)) seen.set(r.to, r.row + headerRow);
  return seen;
}
