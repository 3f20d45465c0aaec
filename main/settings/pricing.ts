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

/** The saved price table (empty until prices are fetched or imported: costs are then unknown, never zero). */
export function readPricing(db: Db): Pricing {
  return {
    prices: readSetting(db, 'prices', priceTableSchema, {}),
    replacements: readSetting(
      db,
      'replacements',
      replacementsSchema,
      DEFAULT_REPLACEMENTS,
    ) as ReplacementTable,
  };
}
