// Each row's own delivery time for the preview, computed in slices like the totals so that 100 000
// rows never block the window; then what the operator's choice per problem group makes of them.
import {
  messagesPerHour,
  planRowTime,
  rowFate,
  type DeliveryPlan,
  type ProblemChoices,
  type RowProblem,
  type RowTime,
} from '../../../shared/delivery-time';
import { rawDate } from '../../../shared/import/model';
import type { RowTimeContext } from '../../../shared/sms';
import type { ImportedRecipient } from '../../../shared/types';
import type { Scheduler } from './preview-model';

export interface DeliveryPass {
  /** Each row's time; null for a row never sent (invalid, duplicate, opted out). */
  times: readonly (RowTime | null)[];
  /** Rows of each problem group (sendable rows only). */
  problems: Record<RowProblem, number>;
  /** Sendable rows with a delivery time inside the window. */
  scheduled: number;
  /** When the pass was made: a row is "past" against this moment. */
  now: number;
}

/** The row's Country cell as written, or null (the operator's zone then applies). */
export function rowCountry(r: ImportedRecipient, plan: DeliveryPlan): string | null {
  return plan.countryColumn === null ? null : (r.fields[plan.countryColumn] ?? null);
}

export function rowTimeOf(r: ImportedRecipient, plan: DeliveryPlan, now: number): RowTime | null {
  if (r.status !== 'ok') return null;
  // A workbook's date cell is read from the date it holds, as main reads it; its text is only how
  // the sheet displayed it.
  const raw = plan.format === 'excel' ? rawDate(r, plan.column) : null;
  return planRowTime(raw ?? r.fields[plan.column] ?? '', rowCountry(r, plan), plan, now);
}

const nextTask: Scheduler = (run) => setTimeout(run, 0);

/** Walks every row in slices, yielding between them. Returns a cancel function. */
export function runDeliveryPass(
  recipients: readonly ImportedRecipient[],
  plan: DeliveryPlan,
  now: number,
  onDone: (pass: DeliveryPass) => void,
  { sliceMs = 12, schedule = nextTask }: { sliceMs?: number; schedule?: Scheduler } = {},
): () => void {
  const times: (RowTime | null)[] = new Array<RowTime | null>(recipients.length);
  const problems: Record<RowProblem, number> = { unparseable: 0, past: 0, 'too-far': 0 };
  let scheduled = 0;
  let at = 0;
  let cancelled = false;
  const slice = (): void => {
    if (cancelled) return;
    const until = performance.now() + sliceMs;
    while (at < recipients.length) {
      const t = rowTimeOf(recipients[at]!, plan, now);
      times[at] = t;
      if (t?.ok) scheduled++;
      else if (t) problems[t.problem]++;
      at++;
      if ((at & 127) === 0 && performance.now() > until) break;
    }
    if (at < recipients.length) schedule(slice);
    else onDone({ times, problems, scheduled, now });
  };
  schedule(slice);
  return () => {
    cancelled = true;
  };
}

export interface DeliverySummary {
  /** Messages that will be sent (scheduled, now and kept queued). */
  messages: number;
  /** Sendable rows the choices skip. */
  skipped: number;
  sentNow: number;
  keptQueued: number;
  /** Earliest and latest delivery (UTC ISO); the earliest is `now` when some go out at once. */
  from: string | null;
  to: string | null;
}

export function summarise(pass: DeliveryPass, choices: ProblemChoices): DeliverySummary {
  let messages = 0;
  let skipped = 0;
  let sentNow = 0;
  let keptQueued = 0;
  let from: string | null = null;
  let to: string | null = null;
  const widen = (iso: string): void => {
    // UTC ISO strings of one shape order as text.
    if (from === null || iso < from) from = iso;
    if (to === null || iso > to) to = iso;
  };
  for (const t of pass.times) {
    if (t === null) continue;
    const fate = rowFate(t, choices);
    if (fate.kind === 'skipped') {
      skipped++;
      continue;
    }
    messages++;
    if (fate.kind === 'now') {
      sentNow++;
      widen(new Date(pass.now).toISOString());
    } else {
      if (fate.kind === 'queued') keptQueued++;
      widen(fate.sendAt);
    }
  }
  return { messages, skipped, sentNow, keptQueued, from, to };
}

/** Messages per hour in the operator's zone, of the rows delivered inside the window. */
export function hourlyCounts(pass: DeliveryPass, zone: string): { hour: string; count: number }[] {
  const sendAts: string[] = [];
  for (const t of pass.times) if (t?.ok) sendAts.push(t.sendAt);
  return messagesPerHour(sendAts, zone);
}

const LEFT_OUT: Record<RowProblem, string> = {
  unparseable: 'skipped: its time cannot be read',
  past: 'skipped: its delivery time is past',
  'too-far': 'skipped: its delivery time is more than 30 days ahead',
};

/**
 * The rows as the preview counts them: those the choices skip become rows not sent, with the reason,
 * so that totals, cost and the segment cap count only what is sent. The rows themselves are untouched.
 */
export function withDeliveryChoices(
  recipients: readonly ImportedRecipient[],
  pass: DeliveryPass,
  choices: ProblemChoices,
): readonly ImportedRecipient[] {
  return recipients.map((r, i) => {
    const t = pass.times[i];
    if (!t || t.ok || rowFate(t, choices).kind !== 'skipped') return r;
    return { ...r, status: 'invalid', reason: LEFT_OUT[t.problem] };
  });
}

/** What the confirmation says of a campaign whose rows each have their own time. */
export interface PerRowDelivery {
  from: string;
  to: string;
  /** The operator's zone, in which the times are said. */
  zone: string;
  keptQueued: number;
}

export function perRowDelivery(summary: DeliverySummary, zone: string): PerRowDelivery | null {
  if (summary.from === null || summary.to === null) return null;
  return { from: summary.from, to: summary.to, zone, keptQueued: summary.keptQueued };
}

/**
 * A row's appointment as the template formatters take it. A row whose time could not be read (or a
 * row never sent) has none: its cell is then written as it stands.
 */
export function timeContext(t: RowTime | null, plan: DeliveryPlan): RowTimeContext {
  return {
    column: plan.column,
    appointment: t?.appointment ?? null,
    zone: t?.zone ?? plan.zone,
    locale: t?.locale ?? 'en',
  };
}
