// What the new-campaign wizard has gathered so far. The steps hand these up; NewCampaign keeps them
// so that going back a step loses nothing.
import type { ImportResult } from '../../../shared/import/model';
import type { PriceSource } from '../../../shared/contract';
import type { PriceTable, ReplacementTable } from '../../../shared/sms';
import type { Autoconvert } from '../../../shared/types';

export interface RecipientsDraft {
  fileName: string;
  /** Kept so that changing the phone column or country re-imports the same file. */
  bytes: Uint8Array;
  country: string;
  result: ImportResult;
}

export interface MessageDraft {
  name: string;
  sender: string;
  template: string;
  autoconvert: Autoconvert;
}

/** "clients.csv" on 25 Nov 2026 → "clients 2026-11-25". */
export function defaultCampaignName(fileName: string, now: Date = new Date()): string {
  const base = fileName.replace(/\.[^.]+$/, '').trim() || 'Campaign';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${base} ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The account's price and replacement tables: the same ones main prices the rows with. */
export interface WizardPricing {
  prices: PriceTable;
  table: ReplacementTable;
  /** Where the prices came from ('unavailable' when they could not be loaded), said in a row's detail. */
  source?: PriceSource | 'unavailable';
}
