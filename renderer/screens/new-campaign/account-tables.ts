// What the wizard needs from the account before the first step: prices, replacement table and the
// opt-out list. Each is loaded on its own and falls back to "unknown": main prices, converts and
// re-checks opt-outs itself when rows are added, so a failed load never changes what is sent.
import type { OmnicastApi } from '../../../shared/contract';
import { DEFAULT_REPLACEMENTS, parseReplacementTable } from '../../../shared/sms';
import type { WizardPricing } from './draft';

export interface AccountTables {
  pricing: WizardPricing;
  optOuts: string[];
}

export async function loadAccountTables(api: OmnicastApi): Promise<AccountTables> {
  const [prices, replacements, optOuts] = await Promise.allSettled([
    api.call('prices.get', {}),
    api.call('replacements.get', {}),
    api.call('optOuts.numbers', {}),
  ]);
  return {
    pricing: {
      // No table means unknown costs, never zero: the "No prices yet" notice says so.
      prices: prices.status === 'fulfilled' ? prices.value.table : {},
      source: prices.status === 'fulfilled' ? prices.value.source : 'unavailable',
      // Main's own default when the account has none saved.
      table:
        replacements.status === 'fulfilled'
          ? parseReplacementTable(replacements.value.text).table
          : { ...DEFAULT_REPLACEMENTS },
    },
    optOuts: optOuts.status === 'fulfilled' ? optOuts.value : [],
  };
}
