import { z } from 'zod';
import { DEFAULT_REPLACEMENTS, type PriceTable, type ReplacementTable } from '../../shared/sms';
import type { Db } from '../db/database';
import { readSetting } from './settings';

export interface Pricing {
  prices: PriceTable;
  replacements: ReplacementTable;
}

const priceTableSchema = z.record(
  z.string().regex(/^[A-Z]{2}$/),
  z.object({
    minMicros: z.number().int().nonnegative(),
    maxMicros: z.number().int().nonnegative(),
    networks: z.number().int().nonnegative().default(1),
  }),
);
const replacementsSchema = z.record(z.string(), z.string());

/**
 * Test mode keeps its own price table: prices fetched from the simulator (or imported while
 * rehearsing) must never price a live campaign, nor live prices a rehearsal's. Each world stores
 * its table, source and fetch cache under its own keys.
 */
export function priceKey(
  testMode: boolean,
  name: 'prices' | 'pricesSource' | 'pricesFetched' | 'pricesFetchedAt',
): string {
  return testMode ? `testMode.${name}` : name;
}

/**
 * The saved price table of the live world or of test mode (empty until prices are fetched or
 * imported: costs are then unknown, never zero).
 */
export function readPricing(db: Db, testMode = false): Pricing {
  return {
    prices: readSetting(db, priceKey(testMode, 'prices'), priceTableSchema, {}),
    replacements: readSetting(
      db,
      'replacements',
      replacementsSchema,
      DEFAULT_REPLACEMENTS,
    ) as ReplacementTable,
  };
}
