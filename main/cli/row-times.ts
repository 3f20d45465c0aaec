// What `preview` and `send` say about rows delivered at their own times: each row's time as main
// will compute it when the campaign is created (the same planRow), the groups of rows that cannot
// be scheduled with what becomes of them, and how many messages go out in each hour.
import {
  choiceFor,
  messagesPerHour,
  type DeliveryPlan,
  type ProblemChoices,
} from '../../shared/delivery-time';
import type { RowTimeProblem } from '../../shared/types';
import type { ImportedRecipient } from '../../shared/types';
import { planRow, type PlannedRow } from '../campaign-rows/row-times';

export interface PlannedRows {
  plan: DeliveryPlan;
  choices: ProblemChoices;
  /** By data row, for the rows that can be sent. */
  byRow: Map<number, PlannedRow>;
}

export function planRows(
  recipients: readonly ImportedRecipient[],
  plan: DeliveryPlan,
  choices: ProblemChoices,
  now: number,
): PlannedRows {
  const byRow = new Map<number, PlannedRow>();
  for (const r of recipients) if (r.status === 'ok') byRow.set(r.row, planRow(r, plan, choices, now));
  return { plan, choices, byRow };
}

const GROUP_WORDS: Record<RowTimeProblem, string> = {
  unparseable: 'time cannot be read',
  past: 'delivery time has passed',
  'too-far': 'delivery time is more than 30 days ahead',
};

function choiceWords(problem: RowTimeProblem, choices: ProblemChoices): string {
  const choice = choiceFor(problem, choices);
  if (choice === 'skip') return 'skipped';
  if (choice === 'send-now') return 'sent at once';
  return 'kept queued in Omnicast, submitted when the window opens (Omnicast must be running then)';
}

/** Rows that will be skipped for their time: not sent, not counted. */
export function skippedForTime(planned: PlannedRows | null, row: number): boolean {
  return planned?.byRow.get(row)?.skipReason != null;
}

/** The problem groups with their counts and fate, then messages per hour of the operator's clock. */
export function timeSummaryText(planned: PlannedRows): string {
  const counts: Record<RowTimeProblem, number> = { unparseable: 0, past: 0, 'too-far': 0 };
  const sendAts: string[] = [];
  for (const p of planned.byRow.values()) {
    if (p.time.problem) counts[p.time.problem] += 1;
    if (p.skipReason === null && p.time.sendAt !== null && p.time.holdUntil === null)
      sendAts.push(p.time.sendAt);
  }
  const lines: string[] = [];
  for (const problem of Object.keys(counts) as RowTimeProblem[]) {
    if (counts[problem] > 0)
      lines.push(
        `Rows whose ${GROUP_WORDS[problem]}: ${counts[problem]}, ${choiceWords(problem, planned.choices)}.`,
      );
  }
  const hours = messagesPerHour(sendAts, planned.plan.zone);
  if (hours.length > 0) {
    lines.push(`Messages per hour (${planned.plan.zone}):`);
    const most = Math.max(...hours.map((h) => h.count));
    // Hours with none are left out: three days of appointments would be mostly empty lines.
    for (const h of hours.filter((h) => h.count > 0)) {
      const bar = '#'.repeat(Math.max(h.count > 0 ? 1 : 0, Math.round((h.count / most) * 40)));
      lines.push(`  ${h.hour.replace('T', ' ')}  ${String(h.count).padStart(6)}  ${bar}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
