import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_REPLACEMENTS, parsePricelistCsv } from '../../shared/sms';
import type { Db } from '../db/database';
import { readPricing, type Pricing } from '../settings/pricing';
import { UsageError } from './command';

export const PRICES_HELP =
  '  --prices PATH            a price list CSV (Messente /pricelist format, or country,price)';

/** Prices from --prices when given, else the ones saved in the data folder. */
export function pricingFor(db: Db | null, file: string | undefined, cwd: string): Pricing {
  const saved = db ? readPricing(db) : { prices: {}, replacements: DEFAULT_REPLACEMENTS };
  if (!file) return saved;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new UsageError(`cannot read the price list ${file}.`);
  }
  const { table, problems } = parsePricelistCsv(text);
  if (Object.keys(table).length === 0) {
    throw new UsageError(`${file} holds no prices${problems[0] ? `: ${problems[0]}` : '.'}`);
  }
  return { prices: table, replacements: saved.replacements };
}
