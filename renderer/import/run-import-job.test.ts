import { describe, expect, it } from 'vitest';
import { importRecipients } from '../../shared/import';
import { buildXlsx } from '../../shared/import/xlsx-test-support';
import { ROWS_PER_MESSAGE, type ImportedFile, type ImportReply } from './protocol';
import { createReplyCollector } from './reply-collector';
import { runImportJob, startImportJob } from './run-import-job';

function csv(rows: number): Uint8Array {
  const lines = ['name,phone'];
  for (let i = 0; i < rows; i++) lines.push(`P${i},+3725${String(1_000_000 + i)}`);
  return new TextEncoder().encode(lines.join('\n'));
}

/** A workbook's whole import, every reply passed to the window's collector: what the window gets. */
function workbookOutcome(bytes: Uint8Array): ImportedFile | null {
  const replies: ImportReply[] = [];
  const sendNext = runImportJob({ bytes, options: { fileName: 'b.xlsx', defaultCountry: 'EE' } }, (r) =>
    replies.push(structuredClone(r)),
  );
  while (sendNext());
  const collect = createReplyCollector(() => {});
  let outcome: ImportedFile | null = null;
  for (const r of replies) outcome = collect(r) ?? outcome;
  return outcome;
}

describe('runImportJob + createReplyCollector', () => {
  it('sends recipients in chunks, one per request, and reassembles exactly what a direct import gives', () => {
    const bytes = csv(ROWS_PER_MESSAGE * 2 + 5);
    const options = { fileName: 'big.csv', defaultCountry: 'EE', optOuts: ['+37251000003'] };
    const replies: ImportReply[] = [];
    const sendNext = runImportJob({ bytes, options }, (r) => replies.push(structuredClone(r)));
    // The import itself posts only progress: no row leaves before the window asks.
    expect(replies.every((r) => r.type === 'progress')).toBe(true);
    const posted = replies.length;
    expect(sendNext()).toBe(true);
    expect(replies.length).toBe(posted + 1);
    let calls = 1;
    while (sendNext()) calls++;
    expect(calls).toBe(3);
    expect(sendNext()).toBe(false);
    expect(replies.filter((r) => r.type === 'done')).toHaveLength(1);
    expect(
      replies.filter((r) => r.type === 'rows').map((r) => (r.type === 'rows' ? r.rows.length : 0)),
    ).toEqual([ROWS_PER_MESSAGE, ROWS_PER_MESSAGE, 5]);
    const fractions: (number | null)[] = [];
    const collect = createReplyCollector((f) => fractions.push(f));
    let outcome: ImportedFile | null = null;
    for (const r of replies) outcome = collect(r) ?? outcome;
    const direct = importRecipients(bytes, { ...options, optOuts: new Set(options.optOuts) });
    expect(outcome).toEqual({ ...direct, timeColumns: [] });
    expect(direct.ok && direct.result.counts.opted_out).toBe(1);
    expect(fractions[0]).toBe(0);
  });

  it('works out the time columns in the worker and sends them with the outcome', () => {
    const lines = ['name,phone,visit'];
    for (let i = 0; i < ROWS_PER_MESSAGE + 5; i++)
      lines.push(`P${i},+3725${String(1_000_000 + i)},${10 + (i % 18)}.12.2026 09:30`);
    const replies: ImportReply[] = [];
    const request = {
      bytes: new TextEncoder().encode(lines.join('\n')),
      options: { fileName: 'v.csv', defaultCountry: 'EE' },
    };
    const sendNext = runImportJob(request, (r) => replies.push(structuredClone(r)));
    while (sendNext());
    const done = replies.at(-1);
    const visit = { column: 2, format: 'dd.MM.yyyy HH:mm', candidates: ['dd.MM.yyyy HH:mm'], parsedShare: 1 };
    expect(done?.type === 'done' && done.timeColumns).toEqual([visit]);
    const collect = createReplyCollector(() => {});
    let outcome: ImportedFile | null = null;
    for (const r of replies) outcome = collect(r) ?? outcome;
    expect(outcome?.ok && outcome.timeColumns).toEqual([visit]);
  });

  it("carries a workbook's raw dates to the window with each row", () => {
    const bytes = buildXlsx([
      {
        name: 'S',
        rows: new Map([
          [1, ['phone', 'send at']],
          [2, ['+37251000001', { n: 46146.395833333336, style: 6 }]],
        ]),
      },
    ]);
    const outcome = workbookOutcome(bytes);
    expect(outcome?.ok && outcome.result.recipients.map((r) => r.dates)).toEqual([
      [null, '2026-05-04T09:30'],
    ]);
    expect(outcome?.ok && outcome.timeColumns).toEqual([
      { column: 1, format: 'excel', candidates: ['excel'], parsedShare: 1 },
    ]);
  });

  it('finds no time column in a workbook whose date cells are days without a time of day', () => {
    const bytes = buildXlsx([
      {
        name: 'S',
        rows: new Map([
          [1, ['phone', 'appointment']],
          [2, ['+37251000001', { n: 46146, style: 1 }]],
          [3, ['+37251000002', { n: 46147, style: 1 }]],
        ]),
      },
    ]);
    const outcome = workbookOutcome(bytes);
    expect(outcome?.ok && outcome.result.recipients.map((r) => r.dates)).toEqual([
      [null, '2026-05-04'],
      [null, '2026-05-05'],
    ]);
    expect(outcome?.ok && outcome.timeColumns).toEqual([]);
  });

  it("starts a workbook's import once its parts are inflated, with the same outcome as a direct import", async () => {
    const rows = new Map([[1, ['phone', 'name']]]);
    for (let i = 0; i < 500; i++) rows.set(i + 2, [`+3725${1_000_000 + i}`, `Mari ${i}`]);
    const bytes = buildXlsx([
      { name: 'Old', rows: new Map([[1, ['phone']]]) },
      { name: 'New', rows },
    ]);
    const options = { fileName: 'b.xlsx', defaultCountry: 'EE', sheet: 'New' };
    const replies: ImportReply[] = [];
    const sendNext = await startImportJob({ file: new Blob([bytes.slice()]), options }, (r) =>
      replies.push(structuredClone(r)),
    );
    while (sendNext());
    const collect = createReplyCollector(() => {});
    let outcome: ImportedFile | null = null;
    for (const r of replies) outcome = collect(r) ?? outcome;
    expect(outcome).toEqual({ ...importRecipients(bytes, options), timeColumns: [] });
    expect(outcome?.ok && outcome.result.recipients.length).toBe(500);
  });

  it('passes a refusal on as one sentence', () => {
    const replies: ImportReply[] = [];
    const sendNext = runImportJob(
      { bytes: new Uint8Array([0, 1, 2, 0, 255]), options: { fileName: 'x.bin', defaultCountry: 'EE' } },
      (r) => replies.push(r),
    );
    expect(sendNext()).toBe(false);
    const last = replies.at(-1);
    expect(last?.type === 'done' && !last.outcome.ok && last.outcome.error).toMatch(/x\.bin/);
  });

  it('ends with a sentence naming the file when the worker cannot read it', async () => {
    const unreadable = { arrayBuffer: () => Promise.reject(new Error('gone')) } as unknown as Blob;
    const replies: ImportReply[] = [];
    const sendNext = await startImportJob(
      { file: unreadable, options: { fileName: 'moved.csv', defaultCountry: 'EE' } },
      (r) => replies.push(r),
    );
    expect(sendNext()).toBe(false);
    expect(replies).toEqual([
      {
        type: 'done',
        outcome: {
          ok: false,
          error:
            'moved.csv could not be read. Check that the file is not open in another program and try again.',
        },
        timeColumns: [],
      },
    ]);
  });
});
