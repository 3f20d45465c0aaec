// What becomes of a row once the operator's choice for its problem group is applied: one decision,
// so that the preview's prediction and the rows main stores (for the app and the command line) are
// the same.
import { choiceFor } from './choices';
import type { ProblemChoices, RowTime } from './types';

/** A row whose time cannot be scheduled as planned. */
export type ProblemRowTime = Extract<RowTime, { ok: false }>;

export type ProblemFate =
  /** Sent at once, its time set aside. */
  | { kind: 'now' }
  /** Held in Omnicast and submitted when Messente's scheduling window reaches `sendAt` (UTC ISO). */
  | { kind: 'queued'; sendAt: string }
  /** Not sent. */
  | { kind: 'skipped' };

/** Delivered at its own time (UTC ISO), or what its group's choice makes of it. */
export type RowFate = { kind: 'scheduled'; sendAt: string } | ProblemFate;

export function problemFate(t: ProblemRowTime, choices: ProblemChoices): ProblemFate {
  const choice = choiceFor(t.problem, choices);
  if (choice === 'send-now') return { kind: 'now' };
  // Only a row too far ahead can wait for the window, and only with the time it waits for: anything
  // else kept queued would be submitted at once, so it is skipped rather than sent unasked.
  if (choice === 'keep-queued' && t.problem === 'too-far' && t.sendAt !== undefined) {
    return { kind: 'queued', sendAt: t.sendAt };
  }
  return { kind: 'skipped' };
}

export function rowFate(t: RowTime, choices: ProblemChoices): RowFate {
  return t.ok ? { kind: 'scheduled', sendAt: t.sendAt } : problemFate(t, choices);
}
