// What `omnicast send` says before it sends, and the question it asks: the same facts as the
// app's confirmation (where the messages go, how many, skipped rows, segments, cost, balance).
import { createInterface } from 'node:readline/promises';
import { formatMoney, formatMoneyRange } from '../../shared/money';
import { targetWords } from '../../shared/send-target';
import { UsageError, type CliIO } from './command';

export interface SendPlan {
  messages: number;
  skipped: number;
  segments: number;
  costMinMicros: number | null;
  costMaxMicros: number | null;
  /** Rows to be sent whose country has no price. */
  unpriced: number;
  testMode: boolean;
  apiUrl: string;
  /** null when the balance could not be read (said, never blocking). */
  balance: { micros: number; at: Date } | { error: string };
  /** " now" or " for delivery at …". */
  when: string;
}

/** One line per fact, in the order the operator weighs them. */
export function planText(p: SendPlan): string {
  const cost =
    p.costMaxMicros === null
      ? 'cost unknown (no price for these countries)'
      : `cost ${formatMoneyRange(p.costMinMicros, p.costMaxMicros)}`;
  const unpriced = p.unpriced > 0 ? ` (${p.unpriced} without a price)` : '';
  const balance =
    'error' in p.balance
      ? `balance unknown: ${p.balance.error}`
      : `balance ${formatMoney(p.balance.micros)} as of ${p.balance.at.toISOString().slice(11, 16)} UTC`;
  return [
    `To ${targetWords(p.testMode, p.apiUrl)}${p.when}: ${p.messages} messages, ${p.skipped} ${p.skipped === 1 ? 'row' : 'rows'} skipped, ${p.segments} segments, ${cost}${unpriced}; ${balance}.`,
  ].join('\n');
}

/** The one sentence of a refusal when the balance cannot cover the top of the predicted cost; null when it can. */
export function balanceRefusal(p: SendPlan): string | null {
  if ('error' in p.balance || p.costMaxMicros === null) return null;
  if (p.costMaxMicros <= p.balance.micros) return null;
  return `the predicted cost (up to ${formatMoney(p.costMaxMicros)}) is more than the ${formatMoney(p.balance.micros)} left on the account: top it up, send to fewer recipients, or add --ignore-balance.`;
}

export async function confirm(io: CliIO, question: string, flag = 'send'): Promise<boolean> {
  if (!process.stdin.isTTY)
    throw new UsageError(`no terminal to confirm on: add --yes to ${flag} without asking.`);
  const rl = createInterface({ input: process.stdin, output: io.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}
