import { z } from 'zod';
import { apiUrlProblem } from '../../shared/api-url';
import type { Settings } from '../../shared/types';
import type { Db } from '../db/database';
import { readSettingsMap, writeSettings } from '../db/queries/settings';
import { DEFAULT_MAX_SEGMENTS, MAX_SEGMENTS_LIMIT } from '../../shared/import/rules';
import {
  AUTOCONVERT_MODES,
  DEFAULT_AUTOCONVERT,
  DEFAULT_RATE,
  MAX_RATE,
  MIN_RATE,
} from '../../shared/limits';

/** A fresh install starts in test mode: nothing leaves the computer until the operator says so. */
export const DEFAULT_SETTINGS: Settings = {
  testMode: true,
  defaultSender: '',
  defaultCountry: 'EE',
  defaultRate: DEFAULT_RATE,
  defaultAutoconvert: DEFAULT_AUTOCONVERT,
  apiUrl: 'https://api.messente.com/v1',
  maxSegments: DEFAULT_MAX_SEGMENTS,
};

// Each stored value is checked on the way out too: a hand-edited or older database cannot hand the
// app a setting of the wrong type; a bad value falls back to its default.
const fieldSchemas: { [K in keyof Settings]: z.ZodType<Settings[K]> } = {
  testMode: z.boolean(),
  defaultSender: z.string(),
  defaultCountry: z.string().regex(/^[A-Z]{2}$/),
  defaultRate: z.number().min(MIN_RATE).max(MAX_RATE),
  defaultAutoconvert: z.enum(AUTOCONVERT_MODES),
  // One saved before the rules tightened (plain http to another computer, user:password@) is dropped.
  apiUrl: z.string().refine((text) => apiUrlProblem(text) === null),
  maxSegments: z.number().int().min(1).max(MAX_SEGMENTS_LIMIT),
};

export function readSettings(db: Db): Settings {
  const stored = readSettingsMap(db);
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(fieldSchemas) as (keyof Settings)[]) {
    const parsed = fieldSchemas[key].safeParse(stored.get(key));
    if (parsed.success) result[key] = parsed.data;
  }
  return result as unknown as Settings;
}

export function updateSettings(db: Db, patch: Partial<Settings>): Settings {
  writeSettings(db, patch);
  return readSettings(db);
}

/** Values that are not part of `Settings` (price table, replacement table) but live in the same store. */
export function readSetting<T>(db: Db, key: string, schema: z.ZodType<T>, fallback: T): T {
  const parsed = schema.safeParse(readSettingsMap(db).get(key));
  return parsed.success ? parsed.data : fallback;
}
