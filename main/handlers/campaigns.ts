import type { Handlers } from '../../shared/contract';
import type { CampaignDetail, ScheduleCancelCounts } from '../../shared/types';
import { addRecipients } from '../campaign-rows/recipients';
import { createRetryCampaign } from '../campaign-rows/retry';
import { decisionText } from '../campaign-rows/unknown';
import {
  campaignTestMode,
  getCampaign,
  getCampaignSummary,
  insertCampaign,
  listCampaigns,
} from '../db/queries/campaigns';
import { countMessages, pageMessages } from '../db/queries/messages';
import { scheduleCancelCounts } from '../db/queries/schedule-cancel';
import { deliveryCounts } from '../db/queries/statuses';
import { readSettings } from '../settings/settings';
import { formatMoney } from '../../shared/money';
import { targetWords } from '../../shared/send-target';
import { compileTemplate, renderTemplate } from '../../shared/sms';
import { DEFAULT_PROBLEM_CHOICES, type CallArgs } from '../../shared/contract';
import type { TestSendResult } from '../../shared/contract/results';
import { parseSendTime, resolveSchedule, scheduleRefusalMessage } from '../sender/schedule';
import { sendTestMessage } from '../sender/test-send';
import { createRefreshJobs } from '../delivery-status/refresh-jobs';
import type { MessenteClient } from '../messente';
import { campaignBalanceEur } from './connection';
import type { HandlerContext } from './context';
import { UserError } from '../errors';
import { errorMessage } from '../../shared/errors';
import type { UnscheduleSummary } from '../sender';

type CampaignHandlers = Pick<
  Handlers,
  | 'campaigns.list'
  | 'campaigns.get'
  | 'campaigns.create'
  | 'campaigns.addRecipients'
  | 'campaigns.rows'
  | 'campaigns.start'
  | 'campaigns.pause'
  | 'campaigns.resume'
  | 'campaigns.cancel'
  | 'campaigns.cancelRows'
  | 'campaigns.refreshStatuses'
  | 'campaigns.cancelRefresh'
  | 'campaigns.retryFailed'
  | 'campaigns.deliveryCounts'
  | 'campaigns.testSend'
  | 'campaigns.markUnknown'
>;

export function campaignHandlers(ctx: HandlerContext): CampaignHandlers {
  const mustGet = (id: number): CampaignDetail => {
    const campaign = getCampaign(ctx.db, id);
    if (!campaign) throw new UserError(`There is no campaign ${id}.`, 'not_found');
    return campaign;
  };
  const summary = (id: number) => {
    const s = getCampaignSummary(ctx.db, id);
    if (!s) throw new UserError(`There is no campaign ${id}.`, 'not_found');
    const cancels = scheduleCancelCounts(ctx.db, id);
    return cancels ? { ...s, scheduleCancel: cancels } : s;
  };
  // One set of refresh jobs per core (createHandlers runs once); they end with the poller.
  const refreshes = createRefreshJobs({
    db: ctx.db,
    poller: ctx.statuses,
    emit: (progress) => ctx.events.emit('status.progress', progress),
  });
  return {
    'campaigns.list': () => listCampaigns(ctx.db),
    'campaigns.get': ({ id }) => {
      const campaign = mustGet(id);
      return { ...campaign, sendsTo: targetWords(campaign.testMode, ctx.campaignTarget(id).apiUrl) };
    },
    'campaigns.create': (c) => {
      if (c.phoneColumn >= c.columns.length)
        throw new UserError('The phone column is not one of the file’s columns.');
      refuseOutsidePlan(c);
      const settings = readSettings(ctx.db);
      const target = ctx.target();
      const id = insertCampaign(ctx.db, {
        ...c,
        testMode: target.testMode,
        target: target.testMode ? null : target.live,
        rate: settings.defaultRate,
        problemChoices: c.deliveryPlan ? (c.problemChoices ?? DEFAULT_PROBLEM_CHOICES) : null,
      });
      return { id };
    },
    // Priced from the campaign's own world: a live campaign never takes a test-mode price.
    'campaigns.addRecipients': ({ id, recipients }) =>
      addRecipients(ctx.db, id, recipients, ctx.pricing(campaignTestMode(ctx.db, id) ?? undefined)),
    'campaigns.rows': ({ id, offset, limit, ...filter }) => {
      mustGet(id);
      return {
        total: countMessages(ctx.db, id, filter),
        rows: pageMessages(ctx.db, id, offset, limit, filter),
      };
    },
    'campaigns.start': async ({ id, rate, maxCostEur, timeToSend, batchSize, ignoreBalance }) => {
      const campaign = mustGet(id);
      if (campaign.status !== 'draft')
        throw new UserError(`Campaign "${campaign.name}" has already been started.`);
      if (campaign.counts.queued === 0) throw new UserError('This campaign has no recipient to send to.');
      const schedule = timeToSend === undefined ? null : operatorTime(timeToSend);
      if (ignoreBalance !== true) await refuseBeyondBalance(ctx, campaign);
      const maxCostMicros = maxCostEur === undefined ? null : Math.round(maxCostEur * 1_000_000);
      // The engine stores the rate and cap with the status change, once it has accepted them.
      await ctx.sender.start(id, {
        rate,
        maxCostMicros,
        timeToSend: schedule,
        ...(batchSize === undefined ? {} : { batchSize }),
      });
      return summary(id);
    },
    'campaigns.pause': async ({ id, cancelScheduled }) => {
      mustGet(id);
      refuseStopped(await ctx.sender.pause(id, { cancelScheduled: cancelScheduled === true }));
      return summary(id);
    },
    'campaigns.resume': async ({ id, timeToSend, rate, maxCostEur, batchSize }) => {
      const campaign = mustGet(id);
      if (!['paused', 'interrupted'].includes(campaign.status)) {
        throw new UserError(
          `Campaign "${campaign.name}" is ${campaign.status}: only a paused or interrupted campaign can be resumed.`,
        );
      }
      // Without a choice the stored schedule stands; once it has passed the report screen offers
      // "Deliver the rest now" or a new time, so the refusal names those.
      const choice =
        timeToSend === undefined ? undefined : timeToSend === null ? null : operatorTime(timeToSend);
      const schedule = resolveSchedule(choice, campaign.timeToSend, Date.now());
      if (!schedule.ok) {
        throw new UserError(
          schedule.code === 'schedule_passed'
            ? `Campaign "${campaign.name}" was scheduled for delivery at ${schedule.time}, which has passed: choose "Deliver the rest now" or a new delivery time.`
            : scheduleRefusalMessage(campaign.name, schedule),
          schedule.code,
        );
      }
      await ctx.sender.resume(id, {
        ...(choice === undefined ? {} : { timeToSend: choice }),
        ...(rate === undefined ? {} : { rate }),
        ...(maxCostEur === undefined ? {} : { maxCostMicros: Math.round(maxCostEur * 1_000_000) }),
        ...(batchSize === undefined ? {} : { batchSize }),
      });
      return summary(id);
    },
    'campaigns.cancel': async ({ id }) => {
      mustGet(id);
      refuseStopped(await ctx.sender.cancel(id));
      return summary(id);
    },
    'campaigns.cancelRows': async ({ id, rows }) => {
      mustGet(id);
      const result = await ctx.sender.cancelRows(id, rows);
      if (result === null)
        throw new UserError('This campaign has no scheduled delivery: nothing to take back.');
      refuseStopped(result);
      const { cancelled, alreadySent, unknown } = result;
      return {
        cancelled,
        alreadySent,
        unknown,
        message: cancelRowsText(rows.length, result),
        summary: summary(id),
      };
    },
    'campaigns.refreshStatuses': ({ id }) => {
      mustGet(id);
      return refreshes.start(id);
    },
    'campaigns.cancelRefresh': async ({ id }) => {
      mustGet(id);
      return { cancelled: await refreshes.cancel(id) };
    },
    'campaigns.retryFailed': ({ id, kinds }) => ({ id: createRetryCampaign(ctx.db, id, kinds) }),
    'campaigns.deliveryCounts': ({ id }) => {
      mustGet(id);
      return deliveryCounts(ctx.db, id);
    },
    'campaigns.testSend': (args) => testSend(ctx, args),
    'campaigns.markUnknown': ({ id, rows, as }) => {
      mustGet(id);
      const { asked, changed } = ctx.sender.markUnknownAs(id, rows, as);
      const after = summary(id);
      const message = decisionText(as, asked, changed, after.status === 'sending');
      return { changed, message, summary: after };
    },
  };
}

/** What asking to cancel `asked` rows did, in words. */
export function cancelRowsText(asked: number, r: ScheduleCancelCounts): string {
  const parts: string[] = [];
  if (r.cancelled > 0) parts.push(`${r.cancelled} cancelled before delivery`);
  if (r.alreadySent > 0) parts.push(`${r.alreadySent} already sent (their time had passed)`);
  if (r.unknown > 0) parts.push(`${r.unknown} unclear: Messente did not say whether they were taken back`);
  const done = r.cancelled + r.alreadySent + r.unknown;
  if (done < asked)
    parts.push(`${asked - done} not waiting at Messente (not sent yet, or already cancelled)`);
  return `${parts.join('; ')}.`;
}

/** A delivery plan's columns must be the file's own (the phone column cannot hold the time). */
function refuseOutsidePlan(c: CallArgs<'campaigns.create'>): void {
  const plan = c.deliveryPlan;
  if (!plan) return;
  if (plan.column >= c.columns.length || plan.column === c.phoneColumn)
    throw new UserError('The time column is not one of the file’s columns (other than the phone column).');
  if (plan.countryColumn !== null && plan.countryColumn >= c.columns.length)
    throw new UserError('The country column is not one of the file’s columns.');
}

/**
 * Messente refused the credentials part-way through cancelling the scheduled messages: what is left
 * may still be delivered, and the operator must know. (The campaign itself is stopped.)
 */
function refuseStopped(result: UnscheduleSummary | null): void {
  if (result?.stopped) {
    throw new UserError(
      `Not every scheduled message could be cancelled at Messente (${result.cancelled} cancelled): ${result.stopped} Then try again for the rest.`,
    );
  }
}

/** An operator's delivery time, by the same rules as the CLI's --at; UTC ISO-8601. */
function operatorTime(text: string): string {
  const at = parseSendTime(text, Date.now());
  if (!at.ok) throw new UserError(`Delivery time: ${at.message}`, 'invalid_time');
  return at.iso;
}

/**
 * Refuses to start a campaign whose predicted cost is more than the account's balance (the
 * simulator's in test mode). Only when both are known: an unknown balance never blocks sending.
 */
async function refuseBeyondBalance(ctx: HandlerContext, campaign: CampaignDetail): Promise<void> {
  const predicted = campaign.predictedCostMicros;
  if (predicted === null) return;
  const balanceEur = await campaignBalanceEur(ctx, campaign.id);
  if (balanceEur === null) return;
  const balanceMicros = Math.round(balanceEur * 1_000_000);
  if (predicted <= balanceMicros) return;
  const where = campaign.testMode ? 'the test-mode account' : 'your Messente account';
  throw new UserError(
    `Campaign "${campaign.name}" is predicted to cost ${formatMoney(predicted)}, more than the ${formatMoney(balanceMicros)} left on ${where}. Top up the account in Messente's dashboard, or send to fewer recipients.`,
    'insufficient_balance',
  );
}

/**
 * The wizard's "Send a test to my number": one message rendered from one row, through the account
 * client (the simulator in test mode). Every outcome, refusals included, is a plain sentence.
 */
async function testSend(ctx: HandlerContext, args: CallArgs<'campaigns.testSend'>): Promise<TestSendResult> {
  const compiled = compileTemplate(args.template, args.columns);
  if (!compiled.ok) {
    return {
      ok: false,
      message: `The template has an error: ${compiled.errors.map((e) => e.message).join('; ')}`,
    };
  }
  const { text } = renderTemplate(compiled.template, args.fields);
  if (text.trim() === '')
    return { ok: false, message: 'The message is empty for this row: nothing was sent.' };
  let client: MessenteClient;
  try {
    client = await ctx.messente();
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
  try {
    return await sendTestMessage(client, {
      to: args.to,
      text,
      sender: args.sender.trim(),
      autoconvert: args.autoconvert,
    });
  } finally {
    await client.close();
  }
}
