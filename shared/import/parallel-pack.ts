// A slice's rows in compact form for crossing a thread boundary: structured-cloning half a million
// recipient objects costs more than importing them, so the strings travel as one joined string plus
// typed arrays (transferred, not copied). A worker packs each row as it is imported (PackBuilder), so
// its rows die young instead of piling up until the end: less GC work and a far smaller worker heap.
import type { ImportedRecipient, RecipientStatus } from '../types';
import type { ImportCounts, ImportProblem } from './model';
import { numericKey } from './phone-index';
import { REASON_OPTED_OUT, type RowSetup, type RowsPart } from './rows';

export interface PackedPart {
  /** Every string of every recipient, joined: its fields, then `to` (unless TO_IS_PHONE_CELL) and the invalid reason when present. */
  strings: string;
  lengths: Int32Array;
  rows: Int32Array;
  /** Index into STATUSES, plus TO_IS_PHONE_CELL. */
  statuses: Uint8Array;
  /** Spreadsheet row of the first occurrence, for duplicates (0 otherwise). */
  duplicateOf: Int32Array;
  /** numericKey() of each row's `to` (NO_NUMBER without one), so the merge finds duplicates without the rows. */
  keys: Float64Array;
  width: number;
  phoneColumn: number;
  headerRow: number;
  counts: ImportCounts;
  problems: ImportProblem[];
  problemsLeftOut: number;
}

/** keys[] of a row without a number (numericKey() gives -1 for a number it cannot represent). */
export const NO_NUMBER = -2;

const STATUSES: readonly RecipientStatus[] = ['ok', 'invalid', 'duplicate', 'opted_out'];
/** `to` is the phone cell itself (a number written in E.164 already): sent once, not twice. */
const TO_IS_PHONE_CELL = 0x80;
const DUPLICATE_REASON = /^Same number as row (\d+)$/;
/** Rows per joined batch of strings: the pieces of one batch are short-lived garbage. */
const BATCH_ROWS = 8192;

function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Packs rows one at a time, in file order. */
export class PackBuilder {
  private readonly width: number;
  private readonly phoneColumn: number;
  private batches: string[] = [];
  private pieces: string[] = [];
  private lengths = new Int32Array(1024);
  private piece = 0;
  private rows = new Int32Array(256);
  private statuses = new Uint8Array(256);
  private duplicateOf = new Int32Array(256);
  private keys = new Float64Array(256);
  private n = 0;

  constructor(private readonly setup: RowSetup) {
    this.width = setup.header.length;
    this.phoneColumn = setup.phoneColumn;
  }

  add(r: ImportedRecipient): void {
    const i = this.n++;
    if (i === this.rows.length) {
      this.rows = grown(this.rows, i + 1);
      this.statuses = grown(this.statuses, i + 1);
      this.duplicateOf = grown(this.duplicateOf, i + 1);
      this.keys = grown(this.keys, i + 1);
    }
    this.lengths = grown(this.lengths, this.piece + this.width + 2);
    const { pieces, lengths } = this;
    this.rows[i] = r.row;
    let status = STATUSES.indexOf(r.status);
    for (let c = 0; c < this.width; c++) {
      const value = r.fields[c] as string;
      pieces.push(value);
      lengths[this.piece++] = value.length;
    }
    this.keys[i] = NO_NUMBER;
    if (r.to !== null) {
      this.keys[i] = numericKey(r.to);
      if (r.to === r.fields[this.phoneColumn]) status |= TO_IS_PHONE_CELL;
      else {
        pieces.push(r.to);
        lengths[this.piece++] = r.to.length;
      }
    }
    this.statuses[i] = status;
    if (r.status === 'invalid') {
      const reason = r.reason ?? '';
      pieces.push(reason);
      lengths[this.piece++] = reason.length;
    } else if (r.status === 'duplicate') {
      this.duplicateOf[i] = Number(DUPLICATE_REASON.exec(r.reason ?? '')?.[1] ?? 0);
    }
    if (this.n % BATCH_ROWS === 0) {
      this.batches.push(pieces.join(''));
      this.pieces = [];
    }
  }

  /** The packed slice; `part` gives its counts and problems (its recipients are not read). */
  finish(part: RowsPart): PackedPart {
    this.batches.push(this.pieces.join(''));
    const n = this.n;
    return {
      strings: this.batches.join(''),
      lengths: this.lengths.slice(0, this.piece),
      rows: this.rows.slice(0, n),
      statuses: this.statuses.slice(0, n),
      duplicateOf: this.duplicateOf.slice(0, n),
      keys: this.keys.slice(0, n),
      width: this.width,
      phoneColumn: this.phoneColumn,
      headerRow: this.setup.headerRow,
      counts: part.counts,
      problems: part.problems,
      problemsLeftOut: part.problemsLeftOut,
    };
  }
}

/** A slice already imported as recipients, packed. */
export function packPart(part: RowsPart, setup: RowSetup): PackedPart {
  const builder = new PackBuilder(setup);
  for (const r of part.recipients) builder.add(r);
  return builder.finish(part);
}

export function unpackPart(packed: PackedPart): RowsPart {
  const { strings, lengths, rows, statuses, duplicateOf, width, phoneColumn } = packed;
  const recipients: ImportedRecipient[] = new Array<ImportedRecipient>(rows.length);
  let at = 0;
  let piece = 0;
  const next = (): string => {
    const len = lengths[piece++] as number;
    const value = strings.slice(at, at + len);
    at += len;
    return value;
  };
  for (let i = 0; i < rows.length; i++) {
    const fields = new Array<string>(width);
    for (let c = 0; c < width; c++) fields[c] = next();
    const code = statuses[i] as number;
    const status = STATUSES[code & ~TO_IS_PHONE_CELL] as RecipientStatus;
    const rawPhone = fields[phoneColumn] ?? '';
    // Invalid rows have no number; every other status was given one.
    const to = status === 'invalid' ? null : (code & TO_IS_PHONE_CELL) !== 0 ? rawPhone : next();
    let reason: string | null = null;
    if (status === 'invalid') reason = next();
    else if (status === 'duplicate') reason = `Same number as row ${duplicateOf[i]}`;
    else if (status === 'opted_out') reason = REASON_OPTED_OUT;
    recipients[i] = { row: rows[i] as number, fields, rawPhone, to, status, reason };
  }
  return {
    recipients,
    counts: packed.counts,
    problems: packed.problems,
    problemsLeftOut: packed.problemsLeftOut,
    keys: packed.keys,
  };
}

/** The buffers a worker can hand over instead of copying. */
export function transferables(packed: PackedPart): ArrayBuffer[] {
  return [
    packed.lengths.buffer,
    packed.rows.buffer,
    packed.statuses.buffer,
    packed.duplicateOf.buffer,
    packed.keys.buffer,
  ].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
