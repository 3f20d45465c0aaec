import type { Handlers } from '../../shared/contract';
import type { ConnectionTestResult } from '../../shared/contract/results';
import type { HandlerContext } from './context';
import { UserError } from '../errors';
import { campaignTestMode } from '../db/queries/campaigns';

type ConnectionHandlers = Pick<Handlers, 'credentials.test' | 'account.balance'>;

// A refused connection is an answer, not an error: the operator needs the sentence (401 = API
// credentials, not the dashboard login; 403 = IP allow-list) next to the button they pressed.
export function connectionHandlers(ctx: HandlerContext): ConnectionHandlers {
  return {
    'credentials.test': async (): Promise<ConnectionTestResult> => {
      let client;
      try {
        client = await ctx.messente();
      } catch (error) {
        if (error instanceof UserError) return { ok: false, message: error.message };
        throw error;
      }
      try {
        const tested = await client.testConnection();
        if (!tested.ok) return tested;
        // The balance is a bonus: an account without legacy API access still connects.
        const balance = await client.balance();
        return { ok: true, balanceEur: balance.ok ? balance.eur : null };
      } finally {
        client.close();
      }
    },
    'account.balance': async ({ campaignId }) => {
      if (campaignId !== undefined && campaignTestMode(ctx.db, campaignId) === null)
        throw new UserError(`There is no campaign ${campaignId}.`, 'not_found');
      // A draft's confirmation weighs its own account, even if test mode was switched since.
      const client = await (campaignId === undefined ? ctx.messente() : ctx.campaignClient(campaignId));
      try {
        const balance = await client.balance();
        if (!balance.ok)
          throw new UserError(`The balance could not be read: ${balance.message}`, 'balance_unavailable');
        return { eur: balance.eur, checkedAt: new Date(ctx.now()).toISOString() };
      } finally {
        client.close();
      }
    },
  };
}

/**
 * The balance of the account a campaign would send through, or null when it cannot be known now
 * (no credentials, no answer): the balance check then stays out of the way.
 */
export async function campaignBalanceEur(ctx: HandlerContext, campaignId: number): Promise<number | null> {
  let client;
  try {
    client = await ctx.campaignClient(campaignId);
  } catch {
    return null;
  }
  try {
    const balance = await client.balance();
    return balance.ok ? balance.eur : null;
  } catch {
    return null;
  } finally {
    client.close();
  }
}
