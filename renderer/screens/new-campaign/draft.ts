// What the new-campaign wizard has gathered so far. The steps hand these up; NewCampaign keeps them
// so that going back a step loses nothing.
import type { DeliveryPlan, ProblemChoices, TimeColumnGuess } from '../../../shared/delivery-time';
import type { ImportResult } from '../../../shared/import/model';
import type { PriceSource } from '../../../shared/contract';
import type { PriceTable, ReplacementTable } from '../../../shared/sms';
import type { Autoconvert } from '../../../shared/types';
import { defaultForm, type DeliveryForm } from './delivery-form';

export interface RecipientsDraft {
  fileName: string;
  /** Kept so that changing the phone column or country re-imports the same file. */
  file: Blob;
  country: string;
  result: ImportResult;
  /** The columns that look like date-times, from the import worker: the delivery time's choices. */
  timeColumns: TimeColumnGuess[];
}

export interface MessageDraft {
  name: string;
  sender: string;
  template: string;
  autoconvert: Autoconvert;
}

/** Each row's own delivery time, when the operator reads it from a column of the file. */
export interface DeliveryDraft {
  form: DeliveryForm;
  /** null: every message goes out at once (or at the campaign's one time). */
  plan: DeliveryPlan | null;
  /** Why the fields cannot make a plan yet (holds the wizard on the Recipients step). */
  problem: string | null;
  /** What happens to the rows whose own time cannot be used. */
  choices: ProblemChoices;
}

export function defaultDelivery(): DeliveryDraft {
  return {
    form: defaultForm(),
    plan: null,
    problem: null,
    choices: { unparseable: 'skip', past: 'skip', tooFar: 'skip' },
  };
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
