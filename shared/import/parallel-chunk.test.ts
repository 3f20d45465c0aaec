import { describe, expect, it } from 'vitest';
import { importChunk, importChunkPacked, packPart, unpackPart, type ChunkJob } from './parallel-chunk';
import { planParallelImport } from './parallel-merge';
import type { ImportOptions } from './model';

/** Quoted values with line breaks and quotes, CRLF, blank lines, ragged rows, invalid and repeated numbers. */
function messy(rows: number): string {
  const lines = ['name;phone;note'];
  for (let i = 0; i < rows; i++) {
    const phone = i % 7 === 0 ? `5${1000000 + (i % 500)}` : i % 13 === 0 ? 'n/a' : `+3725${2000000 + i}`;
    const note = i % 5 === 0 ? `"line one\r\nline ""two"" ${'x'.repeat(i % 300)}"` : `n${i}`;
    lines.push(i % 101 === 0 ? '' : `Name ${i};${phone};${note}${i % 97 === 0 ? ';surplus' : ''}`);
  }
  return lines.join('\r\n');
}

const OPTS: ImportOptions = { fileName: 'f.csv', defaultCountry: 'EE', optOuts: new Set(['+37252000001']) };

function secondSlice(text: string): ChunkJob {
  const bytes = new TextEncoder().encode(text);
  const plan = planParallelImport(bytes, OPTS, 2);
  if (!plan || typeof plan.source === 'string') throw new Error('not split');
  const part = plan.parts[1]!;
  return {
    setup: plan.layout.setup,
    delimiter: plan.layout.delimiter,
    newline: plan.layout.newline,
    text: plan.source.slice(part.start, part.end),
    utf8: { strict: plan.strict, first: false },
    firstRecord: part.firstRecord,
  };
}

describe('importChunk windows and packing', () => {
  const job = secondSlice(messy(60_000));

  it('reads the same rows through windows of any size as in one parse', () => {
    const whole = importChunk(job, 1 << 30);
    for (const window of [64, 1000, 100_000]) {
      expect(importChunk(job, window)).toEqual(whole);
    }
    expect(whole?.recipients.length).toBeGreaterThan(20_000);
  });

  it('packs as it goes exactly what packPart() packs from the rows, and unpacks to those rows', () => {
    const part = importChunk(job, 1 << 30);
    if (!part) throw new Error('not UTF-8');
    const packed = importChunkPacked(job, 777);
    expect(packed).toEqual(packPart(part, job.setup));
    const { recipients, counts, problems } = unpackPart(packed!);
    expect({ recipients, counts, problems }).toEqual({
      recipients: part.recipients,
      counts: part.counts,
      problems: part.problems,
    });
    expect(part.counts.duplicate).toBeGreaterThan(0);
    expect(part.counts.invalid).toBeGreaterThan(0);
    expect(part.counts.opted_out).toBe(0); // the opted-out number is in the first slice
  });
});
