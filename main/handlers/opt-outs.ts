import Papa from 'papaparse';
import type { Handlers } from '../../shared/contract';
import type { OptOutInvalid, OptOutsAddResult } from '../../shared/contract/results';
import { csvLine, normalizePhone } from '../../shared/import';
import {
  addOptOuts,
  countOptOuts,
  iterateOptOuts,
  pageOptOuts,
  readOptOuts,
  removeOptOut,
} from '../db/queries/opt-outs';
import { MessenteRequestError } from '../messente';
import { readSettings } from '../settings/settings';
import type { HandlerContext } from './context';
import { UserError } from '../errors';

type OptOutHandlers = Pick<
  Handlers,
  | 'optOuts.list'
  | 'optOuts.numbers'
  | 'optOuts.add'
  | 'optOuts.remove'
  | 'optOuts.import'
  | 'optOuts.export'
  | 'optOuts.sync'
>;

const PHONE_HEADER = /phone|number|mobile|msisdn|tel|gsm|numbe?r/i;

/** Normalises `[line, value]` pairs, adds the valid ones and names every invalid one with its line. */
function addNumbers(
  ctx: HandlerContext,
  values: readonly (readonly [number, string])[],
  defaultCountry: string,
  source: string,
): OptOutsAddResult {
  const valid = new Set<string>();
  const invalid: OptOutInvalid[] = [];
  for (const [line, raw] of values) {
    // An export of ours may hold a spreadsheet-safe apostrophe in front of the number.
    const value = raw.trim().replace(/^'/, '');
    if (value === '') continue;
    const result = normalizePhone(value, defaultCountry);
    if (result.ok) valid.add(result.e164);
    else invalid.push({ line, value: value.slice(0, 100), reason: result.reason });
  }
  const added = addOptOuts(ctx.db, [...valid], source);
  return { added, alreadyListed: valid.size - added, invalid, total: countOptOuts(ctx.db) };
}

/** The phone column of an opt-out CSV: the header that says so, else the first column. */
function csvNumbers(csv: string): [number, string][] {
  const rows = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: false }).data;
  const header = rows[0] ?? [];
  const named = header.findIndex((h) => PHONE_HEADER.test(h));
  const column = named >= 0 ? named : 0;
  // A first row that has no digits in the phone column is a header, whatever it says.
  const hasHeader = named >= 0 || !/\d/.test(header[column] ?? '');
  const out: [number, string][] = [];
  rows.forEach((row, i) => {
    if (i === 0 && hasHeader) return;
    out.push([i + 1, row[column] ?? '']);
  });
  return out;
}

const SYNC_CONCURRENCY = 4;

export function optOutHandlers(ctx: HandlerContext): OptOutHandlers {
  return {
    'optOuts.list': ({ offset, limit }) => ({
      total: countOptOuts(ctx.db),
      phones: pageOptOuts(ctx.db, offset, limit),
    }),
    'optOuts.numbers': () => [...readOptOuts(ctx.db)],
    'optOuts.add': ({ phones, defaultCountry }) =>
      addNumbers(
        ctx,
        phones.map((p, i) => [i + 1, p] as const),
        defaultCountry,
        'manual',
      ),
    'optOuts.remove': ({ phone }) => ({ removed: removeOptOut(ctx.db, phone), total: countOptOuts(ctx.db) }),
    'optOuts.import': ({ csv, defaultCountry }) => addNumbers(ctx, csvNumbers(csv), defaultCountry, 'import'),
    'optOuts.export': () =>
      ctx.platform.offerExport({
        suggestedName: 'opt-outs.csv',
        async write(sink) {
          await sink('\uFEFF' + csvLine(['phone', 'added_at', 'source']));
          let rows = 0;
          for (const r of iterateOptOuts(ctx.db)) {
            await sink(csvLine([r.phone, r.addedAt, r.source]));
            rows++;
          }
          return rows;
        },
      }),
    'optOuts.sync': async () => {
      const client = await ctx.messente();
      const country = readSettings(ctx.db).defaultCountry;
      let pulled = 0;
      let pushed = 0;
      try {
        const theirs = await client.blacklist.list();
        const theirValid = new Set<string>();
        let skipped = 0;
        for (const n of theirs) {
          const r = normalizePhone(n.startsWith('+') || n.startsWith('00') ? n : `+${n}`, country);
          if (r.ok) theirValid.add(r.e164);
          else skipped++;
        }
        pulled = addOptOuts(ctx.db, [...theirValid], 'messente');
        const theirRaw = new Set(theirs);
        const toPush = [...readOptOuts(ctx.db)].filter((p) => !theirValid.has(p) && !theirRaw.has(p));
        // A few requests at a time: Messente's per-IP request budget is shared with sending.
        let next = 0;
        const worker = async () => {
          while (next < toPush.length) {
            const phone = toPush[next++]!;
            await client.blacklist.add(phone);
            pushed++;
          }
        };
        await Promise.all(Array.from({ length: Math.min(SYNC_CONCURRENCY, toPush.length) }, worker));
        return { pulled, pushed, skipped, total: countOptOuts(ctx.db) };
      } catch (error) {
        if (error instanceof MessenteRequestError) {
          throw new UserError(
            `Sync with Messente stopped: ${error.message} (${pulled} numbers taken from Messente, ${pushed} sent to it before that).`,
            'sync_failed',
          );
        }
        throw error;
      } finally {
        client.close();
      }
    },
  };
}
