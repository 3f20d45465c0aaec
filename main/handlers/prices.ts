import { z } from 'zod';
import type { Handlers } from '../../shared/contract';
import type { PriceSource, PricesState } from '../../shared/contract/results';
import {
  formatReplacementTable,
  parseEurMicros,
  parsePricelistCsv,
  parseReplacementTable,
  type PriceTable,
} from '../../shared/sms';
import { writeSettings } from '../db/queries/settings';
import { priceKey, readPricing } from '../settings/pricing';
import { readSetting } from '../settings/settings';
import type { HandlerContext } from './context';
import { UserError } from '../errors';

/** Messente asks integrators not to fetch the price list more often than this. */
export const PRICE_FETCH_INTERVAL_MS = 2 * 60 * 60 * 1000;

type PriceHandlers = Pick<
  Handlers,
  'prices.get' | 'prices.fetch' | 'prices.import' | 'prices.set' | 'replacements.get' | 'replacements.set'
>;

const sourceSchema = z.enum(['messente', 'file', 'manual', 'none']);
const fetchedAtSchema = z.string().nullable();
// The last table fetched from Messente, kept apart from `prices` so that a fetch inside the 2-hour
// window can restore it even after a file import or a hand edit replaced the working table.
const cachedSchema = z.record(
  z.string().regex(/^[A-Z]{2}$/),
  z.object({
    minMicros: z.number().int().nonnegative(),
    maxMicros: z.number().int().nonnegative(),
    networks: z.number().int().nonnegative(),
  }),
);

/** The settings keys of the price world in use now: test mode's, or the live account's. */
function keys(ctx: HandlerContext) {
  const testMode = ctx.target().testMode;
  return {
    testMode,
    prices: priceKey(testMode, 'prices'),
    source: priceKey(testMode, 'pricesSource'),
    fetched: priceKey(testMode, 'pricesFetched'),
    fetchedAt: priceKey(testMode, 'pricesFetchedAt'),
  };
}

function readState(ctx: HandlerContext): PricesState {
  const k = keys(ctx);
  const table = readPricing(ctx.db, k.testMode).prices;
  const source: PriceSource = readSetting(ctx.db, k.source, sourceSchema, 'none');
  return {
    table,
    source: Object.keys(table).length === 0 ? 'none' : source,
    fetchedAt: readSetting(ctx.db, k.fetchedAt, fetchedAtSchema, null),
    testMode: k.testMode,
  };
}

function saveTable(ctx: HandlerContext, table: PriceTable, source: PriceSource): PricesState {
  const k = keys(ctx);
  writeSettings(ctx.db, { [k.prices]: table, [k.source]: source });
  return readState(ctx);
}

function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

export function priceHandlers(ctx: HandlerContext): PriceHandlers {
  return {
    'prices.get': () => readState(ctx),
    'prices.fetch': async () => {
      const now = ctx.now();
      const k = keys(ctx);
      const fetchedAt = readSetting(ctx.db, k.fetchedAt, fetchedAtSchema, null);
      const last = fetchedAt === null ? NaN : Date.parse(fetchedAt);
      if (Number.isFinite(last) && now - last < PRICE_FETCH_INTERVAL_MS && now >= last) {
        const cached = readSetting(ctx.db, k.fetched, cachedSchema, {});
        if (Object.keys(cached).length > 0) {
          const nextFetchAt = new Date(last + PRICE_FETCH_INTERVAL_MS).toISOString();
          const problems = [
            `Prices were fetched from Messente less than 2 hours ago; the saved list is used. Messente may be asked again after ${formatTime(last + PRICE_FETCH_INTERVAL_MS)} UTC.`,
          ];
          return { ...saveTable(ctx, cached, 'messente'), fromCache: true, nextFetchAt, problems };
        }
      }
      const client = await ctx.messente();
      let csv: string;
      try {
        const answer = await client.pricelist();
        if (!answer.ok)
          throw new UserError(`Prices could not be fetched: ${answer.message}`, 'prices_unavailable');
        csv = answer.csv;
      } finally {
        client.close();
      }
      const { table, problems } = parsePricelistCsv(csv);
      if (Object.keys(table).length === 0) {
        throw new UserError(
          `Messente's price list could not be read: ${problems.slice(0, 3).join(' ')}`,
          'prices_unreadable',
        );
      }
      const at = new Date(now).toISOString();
      writeSettings(ctx.db, { [k.fetched]: table, [k.fetchedAt]: at });
      const state = saveTable(ctx, table, 'messente');
      return {
        ...state,
        fromCache: false,
        nextFetchAt: new Date(now + PRICE_FETCH_INTERVAL_MS).toISOString(),
        problems,
      };
    },
    'prices.import': ({ csv, fileName }) => {
      const { table, problems } = parsePricelistCsv(csv);
      // A file without a single usable price leaves the current table as it was.
      if (Object.keys(table).length === 0) {
        return { ...readState(ctx), problems: problems.map((p) => `${fileName}: ${p}`) };
      }
      return { ...saveTable(ctx, table, 'file'), problems: problems.map((p) => `${fileName}: ${p}`) };
    },
    'prices.set': ({ country, price }) => {
      const current = readPricing(ctx.db, ctx.target().testMode).prices;
      const table: PriceTable = Object.fromEntries(
        Object.entries(current).filter(([code]) => code !== country),
      );
      if (price !== null) {
        const micros = parseEurMicros(price);
        if (micros === null)
          throw new UserError(`"${price}" is not a price in euros such as 0.06.`, 'invalid_price');
        if (micros > 10_000_000)
          throw new UserError(
            `${price} EUR per segment is more than any SMS costs: check the amount.`,
            'invalid_price',
          );
        table[country] = { minMicros: micros, maxMicros: micros, networks: 1 };
      }
      return saveTable(ctx, table, 'manual');
    },
    'replacements.get': () => ({
      text: formatReplacementTable(readPricing(ctx.db).replacements),
      problems: [],
      saved: true,
    }),
    'replacements.set': ({ text }) => {
      const { table, problems } = parseReplacementTable(text);
      // Nothing is saved while a line is wrong: a half-applied table would price messages silently wrong.
      if (problems.length === 0) writeSettings(ctx.db, { replacements: table });
      return {
        text: problems.length === 0 ? formatReplacementTable(table) : text,
        problems,
        saved: problems.length === 0,
      };
    },
  };
}
