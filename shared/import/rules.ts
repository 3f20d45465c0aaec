// The rules an import and a message must pass before anything is sent, in one place so that the app
// and the command line refuse the same files and messages with the same sentences. Each check
// returns one sentence for the operator, or null; the caller adds how to go on anyway (a checkbox in
// the app, a flag on the command line) where going on is allowed.
import type { ImportResult } from './model';

/** The longest template accepted, in characters. */
export const MAX_TEMPLATE_CHARS = 10_000;
/** Segments one rendered message may take unless the operator allows more. */
export const DEFAULT_MAX_SEGMENTS = 10;
/** The most segments a setting may allow: a concatenated SMS has at most 255 parts on the wire. */
export const MAX_SEGMENTS_LIMIT = 255;
/** The largest recipients file read, in bytes. */
export const MAX_IMPORT_FILE_BYTES = 1024 * 1024 * 1024;

export function templateTooLong(template: string): string | null {
  if (template.length <= MAX_TEMPLATE_CHARS) return null;
  return `The template is ${template.length.toLocaleString('en')} characters long; the most is ${MAX_TEMPLATE_CHARS.toLocaleString('en')}.`;
}

export function fileTooLarge(fileName: string, bytes: number): string | null {
  if (bytes <= MAX_IMPORT_FILE_BYTES) return null;
  return `"${fileName}" is larger than 1 GB; split it into smaller files first.`;
}

/**
 * Problems with the file's structure (an unclosed quote, rows merged across line ends, rows with too
 * many or too few values, bytes that are not valid UTF-8): any of them may have put one customer's
 * data into another's message, so nothing is sent until the operator has looked and accepted.
 */
export function importProblemsRefusal(result: ImportResult): string | null {
  const real = result.problems.filter((p) => p.row > 0);
  const first = real[0];
  if (!first) return null;
  // The summary line ("… and N more") stands for problems not listed one by one.
  const more = result.problems.find((p) => p.row === 0);
  const leftOut = more ? Number(/\d+/.exec(more.message)?.[0] ?? 0) : 0;
  const total = real.length + leftOut;
  const others = total > 1 ? ` (${total.toLocaleString('en')} problems in all)` : '';
  return `"${result.fileName}": ${first.message}${others}`;
}

/** Why one rendered message is refused, or null: over the segment cap. */
export function segmentCapProblem(segments: number, maxSegments: number): string | null {
  if (segments <= maxSegments) return null;
  return `The message is ${segments.toLocaleString('en')} segments long; the most allowed per message is ${maxSegments}.`;
}

/** Counts rendered messages over the segment cap while rows are previewed, for one refusal at the end. */
export class SegmentCapCheck {
  private firstRow = 0;
  private firstSegments = 0;
  private over = 0;

  constructor(readonly maxSegments: number = DEFAULT_MAX_SEGMENTS) {}

  /** The row's problem when its message is over the cap (`sheetRow` as the spreadsheet shows it). */
  add(sheetRow: number, segments: number): string | null {
    const problem = segmentCapProblem(segments, this.maxSegments);
    if (problem === null) return null;
    if (this.over === 0) {
      this.firstRow = sheetRow;
      this.firstSegments = segments;
    }
    this.over++;
    return problem;
  }

  get count(): number {
    return this.over;
  }

  refusal(fileName: string): string | null {
    if (this.over === 0) return null;
    const others = this.over > 1 ? ` (${this.over.toLocaleString('en')} rows in all)` : '';
    return `"${fileName}" row ${this.firstRow}: ${segmentCapProblem(this.firstSegments, this.maxSegments) ?? ''}${others}`;
  }
}
