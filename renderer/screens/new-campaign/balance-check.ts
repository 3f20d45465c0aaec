// What the send confirmation weighs against the cost: where the messages go and the balance of the
// account they are billed to, read when the dialog opens. Nothing here ever blocks on its own: a
// balance that cannot be read is said, and the main process checks again when sending starts.
import type { OmnicastApi } from '../../../shared/contract';
import { formatMoney } from '../../../shared/money';
import { targetWords } from '../../../shared/send-target';
import type { CampaignDetail } from '../../../shared/types';

export interface BalanceCheck {
  /** "Messente", "the test simulator (…)" or "the custom API URL …". */
  target: string;
  balanceMicros: number | null;
  /** When the balance was read (ISO), shown beside it. */
  checkedAt: string | null;
  /** Why the balance is unknown; null when it was read. */
  error: string | null;
}

/**
 * Where the messages go and the balance they are billed against. Without `draft`: a new campaign,
 * which goes where the settings say now. With `draft`: a stored campaign, which keeps its own target
 * and account (test mode or live) even when the settings have changed since it was made.
 */
export async function checkBalance(
  api: OmnicastApi,
  testMode: boolean,
  draft?: Pick<CampaignDetail, 'id' | 'sendsTo'>,
): Promise<BalanceCheck> {
  const fallback = targetWords(testMode, null);
  const [words, balance] = await Promise.allSettled([
    draft ? Promise.resolve(draft.sendsTo) : api.call('app.info', {}).then((info) => info.sendsTo),
    api.call('account.balance', draft ? { campaignId: draft.id } : {}),
  ]);
  const target = words.status === 'fulfilled' ? (words.value ?? fallback) : fallback;
  if (balance.status === 'rejected') {
    const reason = balance.reason instanceof Error ? balance.reason.message : String(balance.reason);
    return { target, balanceMicros: null, checkedAt: null, error: reason };
  }
  return {
    target,
    balanceMicros: Math.round(balance.value.eur * 1_000_000),
    checkedAt: balance.value.checkedAt ?? new Date().toISOString(),
    error: null,
  };
}

/** One sentence when the balance cannot cover the top of the predicted cost; null when it can or is unknown. */
export function balanceShortfall(check: BalanceCheck | null, costMaxMicros: number | null): string | null {
  if (!check || check.balanceMicros === null || costMaxMicros === null) return null;
  if (costMaxMicros <= check.balanceMicros) return null;
  return `The ${formatMoney(check.balanceMicros)} left on the account cannot cover the predicted cost of up to ${formatMoney(costMaxMicros)}: top it up, or send to fewer recipients.`;
}
