import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importRecipients, type ImportOptions } from '../../shared/import';
import { importChunk, packPart } from '../../shared/import/parallel-chunk';
import { parseRecords } from '../../shared/import/detect';
import { planParallelImport } from '../../shared/import/parallel-merge';
import { splitCsvForWorkers, splitUtf8ForWorkers } from '../../shared/import/parallel-split';
import { importRecipientsParallel, type RemoteChunkRunner } from './parallel';

const FIXTURES = join(import.meta.dirname, '../../shared/import/fixtures');
// The other slices imported in this thread, through the same pack/unpack as a worker's reply.
const inThread: RemoteChunkRunner = (job) => {
  const part = importChunk(job);
  return Promise.resolve(part && packPart(part, job.setup));
};
const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A messy file: title line, CRLF or CR, quoted newlines and quotes, duplicates far apart, ragged rows. */
function messy(rows: number, eol: string): string {
  const lines = [`Customers export;;`, `name;phone;note`];
  for (let i = 0; i < rows; i++) {
    const phone = i % 7 === 0 ? `5${1000000 + (i % 5000)}` : `+3725${2000000 + i}`;
    const note = i % 5 === 0 ? `"line one${eol}line ""two"""` : i % 11 === 0 ? '' : `n${i}`;
    const extra = i % 997 === 0 ? ';surplus' : '';
    lines.push(i % 503 === 0 ? '' : `Name ${i};${i % 1009 === 0 ? 'n/a' : phone};${note}${extra}`);
  }
  return lines.join(eol) + eol;
}

const OPTS: ImportOptions = { fileName: 'f.csv', defaultCountry: 'EE', optOuts: new Set(['+37251000007']) };

async function expectSame(bytes: Uint8Array, options: ImportOptions, parts: number, shares?: number[]) {
  const expected = importRecipients(bytes, options);
  const got = await importRecipientsParallel(bytes, options, {
    parts,
    shares,
    minBytes: 0,
    runRemote: inThread,
  });
  expect(got).toEqual(expected);
  return expected;
}

describe('splitCsvForWorkers', () => {
  it('cuts only at line breaks outside quotes and counts the records before each cut', () => {
    const text = 'a,b\n"x\ny",1\n"p""\nq",2\nlast,3';
    const parts = splitCsvForWorkers(text, 4, ',', '\n', [1, 1, 1, 1]);
    expect(parts).not.toBeNull();
    for (const p of parts ?? []) {
      const slice = text.slice(p.start, p.end);
      expect((slice.match(/"/g) ?? []).length % 2).toBe(0);
    }
    expect(parts?.length).toBeGreaterThan(2);
    for (const p of parts ?? []) {
      const before =
        p.start === 0 ? 0 : parseRecords(text.slice(0, p.start - 1), ',', '\n', false).data.length;
      expect(p.firstRecord).toBe(before + 1);
    }
  });

  it('gives up on quotes papaparse reads as plain characters or never closes', () => {
    expect(splitCsvForWorkers('a,b\nscreen 5",1\n"x\ny",2\nz,3', 2, ',', '\n')).toBeNull();
    expect(splitCsvForWorkers('a,b\n"x"y,1\nz,3', 2, ',', '\n')).toBeNull();
    expect(splitCsvForWorkers('a,b\nz,3\n"open,1\nq,2', 2, ',', '\n')).toBeNull();
  });
});

describe('importRecipientsParallel gives what importRecipients gives', () => {
  it('on every fixture', async () => {
    for (const name of readdirSync(FIXTURES)) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      await expectSame(bytes, { ...OPTS, fileName: name }, 2);
      await expectSame(bytes, { ...OPTS, fileName: name }, 3);
    }
  });

  for (const [label, eol] of [
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR only', '\r'],
  ] as const) {
    it(`on a large ${label} file with quoted newlines, cut at several points`, async () => {
      const bytes = enc(messy(140_000, eol));
      expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
      const plan = planParallelImport(bytes, OPTS, 2);
      expect(plan?.parts.length).toBe(2);
      for (const shares of [
        [1, 1],
        [3, 7],
        [7, 3],
      ]) {
        const result = await expectSame(bytes, OPTS, 2, shares);
        if (!result.ok) throw new Error(result.error);
        expect(result.result.headerRow).toBe(2);
        expect(result.result.counts.duplicate).toBeGreaterThan(0);
      }
      await expectSame(bytes, OPTS, 3, [1, 2, 3]);
    });
  }

  it('marks a number first seen in the first slice as a duplicate in the second, pointing at its row', async () => {
    const rows = ['phone,name', '+37251111111,first'];
    for (let i = 0; i < 20_000; i++) rows.push(`+3725${3000000 + i},x${i}`);
    rows.push('51111111,again');
    const bytes = enc(rows.join('\n'));
    const got = await importRecipientsParallel(bytes, OPTS, { parts: 2, minBytes: 0, runRemote: inThread });
    if (!got.ok) throw new Error(got.error);
    const last = got.result.recipients.at(-1);
    expect(last).toMatchObject({ status: 'duplicate', reason: 'Same number as row 2', to: '+37251111111' });
    expect(got).toEqual(importRecipients(bytes, OPTS));
  });

  it('falls back to the single-threaded import for a file with a stray quote', async () => {
    const text = messy(2000, '\n').replace('Name 3;', 'Name 3 5";');
    expect(planParallelImport(enc(text), OPTS, 2)).toBeNull();
    await expectSame(enc(text), OPTS, 2);
  });

  it('cuts UTF-8 bytes where the text cut falls, so each thread decodes its own slice', async () => {
    const text = messy(30_000, '\n').replace(/Name 1/g, 'Zoë Łukasz 1');
    const bytes = enc(text);
    const plan = planParallelImport(bytes, OPTS, 2);
    expect(plan?.source).toBeInstanceOf(Uint8Array);
    const bodyLength = bytes.length - 1;
    const byBytes = splitUtf8ForWorkers(bytes, bodyLength, 3, ';', '\n');
    expect(byBytes?.length).toBe(3);
    // Byte offsets: each slice starts at a record, and knows how many records come before it.
    const dec = new TextDecoder();
    for (const p of byBytes ?? []) {
      const before =
        p.start === 0 ? 0 : parseRecords(dec.decode(bytes.subarray(0, p.start - 1)), ';', '\n', false);
      expect(p.firstRecord).toBe(before === 0 ? 1 : before.data.length + 1);
      expect(dec.decode(bytes.subarray(p.start, p.end)).split('\n')[0]).toMatch(/^(Customers|Name|Zoë|;|$)/);
    }
    await expectSame(bytes, OPTS, 2, [3, 7]);
    // With a BOM, and with a BOM and CRLF.
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    await expectSame(new Uint8Array([...bom, ...bytes]), OPTS, 2);
    await expectSame(new Uint8Array([...bom, ...enc(messy(30_000, '\r\n'))]), OPTS, 3);
  });

  it('imports single-threaded when a later slice is not UTF-8 after all (read as Windows-1252)', async () => {
    const bytes = enc(messy(30_000, '\n'));
    const at = bytes.lastIndexOf(0x4e); // an "N" of "Name" near the end
    bytes[at] = 0xe9; // "é" in Windows-1252, invalid alone in UTF-8
    const expected = importRecipients(bytes, OPTS);
    if (!expected.ok) throw new Error(expected.error);
    expect(expected.result.encoding).toBe('windows-1252');
    await expectSame(bytes, OPTS, 2);
  });

  it('still cuts UTF-16 files on their decoded text', async () => {
    const text = messy(20_000, '\r\n');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(typeof planParallelImport(utf16, OPTS, 2)?.source).toBe('string');
    await expectSame(utf16, OPTS, 2);
  });
});
