// The sending engine: starts, pauses, resumes and cancels campaigns, one CampaignRun each, and
// answers for their progress. Closing the app pauses; a crash leaves `interrupted` campaigns that
// only the operator resumes.
import type { CampaignProgress, CampaignStatus } from '../../shared/types';
import { nowIso, type Db } from '../db/database';
import {
  getCampaign,
  getStopReason,
  setCampaignStatus,
  setSendingOptions,
  setTimeToSend,
} from '../db/queries/campaigns';
import { cancelQueuedRows, recoverInterruptedRows, tallyCampaign } from '../db/queries/sending';
import type { EventBus } from '../events';
import {
  decideUnknownRows,
  type UnknownDecision,
  type UnknownDecisionResult,
} from '../campaign-rows/unknown';
import { UserError } from '../errors';
import type { SharedRequestLimit } from './pace';
import { CampaignRun } from './run';
import { runConfig } from './run-config';
import { resolveSchedule, scheduleRefusalMessage } from './schedule';
import { Tally } from './tally';
import { cancelScheduledRows, type UnscheduleSummary } from './unschedule';
import { RequestLimiter } from '../delivery-status/limiter';
import type { SendClient, StartOptions } from './types';

export type { SendClient, StartOptions } from './types';
export type { UnscheduleSummary } from './unschedule';

export interface SenderDeps {
  db: Db;
  events: EventBus;
  getClient: (campaignId: number) => Promise<SendClient>;
  /** Monotonic milliseconds, for pacing; performance.now() unless a test hands in another. */
  now?: () => number;
  /** One request budget for every campaign and the status poller (Messente's limit is per IP). */
  limiter?: SharedRequestLimit;
  /** Wall-clock milliseconds, to tell whether a stored schedule has passed; Date.now() by default. */
  wallClock?: () => number;
  /** The longest sleep of a run holding rows for Messente's scheduling window (tests shorten it). */
  holdCheckMs?: number;
}

export interface Sender {
  /**
   * draft/paused → sending. Resolves once sending has begun; the sending itself runs in the background.
   * `opts.timeToSend`: a time replaces the campaign's stored schedule, null clears it, undefined
   * keeps it (refused with a UserError, code `schedule_passed`, once it has passed: callers that
   * can offer a way on check resolveSchedule first and say it in their own terms).
   */
  start(campaignId: number, opts: StartOptions): Promise<void>;
  /**
   * In-flight requests finish, nothing new starts; resolves when idle. With `cancelScheduled`, a
   * scheduled campaign's accepted messages are also cancelled at Messente and queued again, so
   * that nothing goes out until it is resumed.
   */
  pause(campaignId: number, opts?: { cancelScheduled?: boolean }): Promise<UnscheduleSummary | null>;
  /** paused/interrupted → sending, with the campaign's saved rate, cap and schedule unless overridden. */
  resume(campaignId: number, overrides?: Partial<StartOptions>): Promise<void>;
  /**
   * Stops, then every row still `queued` becomes `cancelled`; a scheduled campaign's accepted
   * messages are cancelled at Messente too (what became of each is recorded and returned).
   */
  cancel(campaignId: number): Promise<UnscheduleSummary | null>;
  /**
   * Takes back the chosen rows' scheduled messages (data row numbers) before their own delivery
   * time; the campaign goes on for the others. Null when the campaign has no schedule.
   */
  cancelRows(campaignId: number, rows: readonly number[]): Promise<UnscheduleSummary | null>;
  progress(campaignId: number): CampaignProgress;
  /** Resolves when the campaign is not sending (at once if it is not). */
  whenSettled(campaignId: number): Promise<CampaignProgress>;
  /** At start-up: `sending` campaigns → `interrupted`, their in-flight rows → `unknown`. */
  recoverInterrupted(campaignId?: number): number[];
  /** Closing the app: pauses every campaign and waits for in-flight requests. */
  shutdown(): Promise<void>;
  /**
   * The operator's decision on `unknown` rows (row numbers, or null for every one): sent after all,
   * or send again. Refused while another process is sending the campaign.
   */
  markUnknownAs(
    campaignId: number,
    rows: readonly number[] | null,
    as: UnknownDecision,
  ): UnknownDecisionResult;
}

export function createSender(deps: SenderDeps): Sender {
  const { db, events } = deps;
  const clock = deps.now ?? (() => performance.now());
  const wallClock = deps.wallClock ?? (() => Date.now());
  const runs = new Map<number, CampaignRun>();
  const launching = new Set<number>();
  const batchSizes = new Map<number, number>();
  let closed = false;

  const mustGet = (id: number) => {
    const campaign = getCampaign(db, id);
    if (!campaign) throw new UserError(`There is no campaign ${id}.`, 'not_found');
    return campaign;
  };

  const storedProgress = (id: number): CampaignProgress => {
    const campaign = mustGet(id);
    return new Tally(tallyCampaign(db, id)).progress(
      id,
      campaign.status,
      clock(),
      null,
      getStopReason(db, id),
    );
  };

  const limiter = deps.limiter ?? new RequestLimiter();

  /** Cancels a scheduled campaign's accepted messages at Messente; null when it has no schedule. */
  async function unschedule(
    id: number,
    then: 'cancelled' | 'queued',
    onlyRows?: ReadonlySet<number>,
  ): Promise<UnscheduleSummary | null> {
    const campaign = mustGet(id);
    const timeToSend = campaign.timeToSend;
    if (timeToSend === null && !campaign.deliveryPlan) return null;
    const client = await deps.getClient(id);
    try {
      const cancelOne = client.cancelScheduled?.bind(client);
      if (!cancelOne) return null;
      return await cancelScheduledRows(db, { cancelScheduled: cancelOne }, id, {
        then,
        timeToSend,
        limiter,
        monotonic: clock,
        wallClock,
        ...(onlyRows ? { onlyRows } : {}),
      });
    } finally {
      await client.close();
    }
  }

  async function launch(id: number, opts: StartOptions, allowed: readonly CampaignStatus[]): Promise<void> {
    if (closed) throw new UserError('Omnicast is closing: sending cannot start now.');
    const campaign = mustGet(id);
    if (runs.has(id) || launching.has(id))
      throw new UserError(`Campaign "${campaign.name}" is already sending.`);
    if (!allowed.includes(campaign.status)) {
      throw new UserError(`Campaign "${campaign.name}" is ${campaign.status}: it cannot be sent now.`);
    }
    const schedule = resolveSchedule(opts.timeToSend, campaign.timeToSend, wallClock());
    if (!schedule.ok) throw new UserError(scheduleRefusalMessage(campaign.name, schedule), schedule.code);
    const config = runConfig(id, campaign.sender, campaign.autoconvert, {
      ...opts,
      timeToSend: schedule.timeToSend,
    });
    launching.add(id);
    let client: SendClient;
    try {
      client = await deps.getClient(id);
    } finally {
      launching.delete(id);
    }
    if (closed) {
      await client.close();
      throw new UserError('Omnicast is closing: sending cannot start now.');
    }
    db.transaction(() => {
      setSendingOptions(db, id, config.rate, config.maxCostMicros);
      // Stored with the status change: a campaign marked sending always carries the schedule its
      // requests are sent with, so a resume after a crash delivers the rest at the same time.
      setTimeToSend(db, id, config.timeToSend);
      setCampaignStatus(db, id, 'sending', { started: true, stopReason: null });
    })();
    batchSizes.set(id, config.batchSize);
    const run = new CampaignRun(db, events, client, clock, {
      ...config,
      limiter: deps.limiter ?? null,
      passedChoice: campaign.problemChoices?.past ?? 'skip',
      wallClock,
      ...(deps.holdCheckMs === undefined ? {} : { holdCheckMs: deps.holdCheckMs }),
    });
    runs.set(id, run);
    void run.done.then(() => runs.delete(id));
    run.begin();
  }

  return {
    start: (id, opts) => launch(id, opts, ['draft', 'paused']),

    async resume(id, overrides = {}) {
      const campaign = mustGet(id);
      await launch(
        id,
        {
          rate: campaign.rate,
          maxCostMicros: campaign.maxCostMicros,
          batchSize: batchSizes.get(id) ?? 1,
          ...overrides,
        },
        ['paused', 'interrupted'],
      );
    },

    async pause(id, opts = {}) {
      const run = runs.get(id);
      if (run) {
        run.requestStop('pause');
        await run.done;
      }
      if (!opts.cancelScheduled) return null;
      const summary = await unschedule(id, 'queued');
      // Messages taken back from a finished campaign are sent again by resuming it.
      if (summary && summary.cancelled > 0 && mustGet(id).status === 'completed')
        setCampaignStatus(db, id, 'paused', { stopReason: null });
      events.emit('campaign.progress', storedProgress(id));
      return summary;
    },

    async cancel(id) {
      const run = runs.get(id);
      if (run) {
        run.requestStop('cancel');
        await run.done;
      } else {
        const campaign = mustGet(id);
        const stoppable = ['draft', 'paused', 'interrupted'].includes(campaign.status);
        // A campaign sent for a later delivery can still be cancelled until that time.
        const scheduled =
          ['completed', 'cancelled'].includes(campaign.status) &&
          (campaign.timeToSend !== null || Boolean(campaign.deliveryPlan));
        if (!stoppable && !scheduled) return null;
        db.transaction(() => {
          cancelQueuedRows(db, id);
          setCampaignStatus(db, id, 'cancelled', { finished: true, stopReason: null });
        })();
      }
      const summary = await unschedule(id, 'cancelled');
      events.emit('campaign.progress', storedProgress(id));
      return summary;
    },

    async cancelRows(id, rows) {
      const summary = await unschedule(id, 'cancelled', new Set(rows));
      const run = runs.get(id);
      if (run) run.resync();
      else events.emit('campaign.progress', storedProgress(id));
      return summary;
    },

    progress: (id) => runs.get(id)?.progress() ?? storedProgress(id),

    whenSettled: (id) => runs.get(id)?.done ?? Promise.resolve(storedProgress(id)),

    recoverInterrupted(campaignId) {
      if (campaignId !== undefined && runs.has(campaignId)) return [];
      const ids = recoverInterruptedRows(db, nowIso(), campaignId);
      for (const id of ids) events.emit('campaign.progress', storedProgress(id));
      return ids;
    },

    async shutdown() {
      closed = true;
      const active = [...runs.values()];
      for (const run of active) run.requestStop('pause');
      await Promise.all(active.map((run) => run.done));
    },

    markUnknownAs(id, rows, as) {
      const run = runs.get(id);
      const result = decideUnknownRows(db, id, rows, as, run !== undefined);
      if (run) run.resync();
      else events.emit('campaign.progress', storedProgress(id));
      return result;
    },
  };
}
