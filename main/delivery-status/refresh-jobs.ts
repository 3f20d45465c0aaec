// On-demand delivery status refreshes as background jobs: one per campaign at most (a second ask
// joins the running one), progress pushed at most every `intervalMs` and once at the end, and a
// cancel that lets in-flight requests finish. A big campaign takes hours at Messente's 150/s, so
// the call that starts a refresh must not wait for it.
import type { RefreshStarted, StatusRefreshProgress } from '../../shared/contract';
import type { Db } from '../db/database';
import { countRefreshableRows } from '../db/queries/statuses';
import type { PollSummary, StatusPoller } from './poller';
import { FINAL_DELIVERY_STATUSES, NOT_FOUND_STATUS } from './schedule';
import { errorMessage } from '../../shared/errors';

export interface RefreshJobsDeps {
  db: Db;
  poller: Pick<StatusPoller, 'refreshCampaign'>;
  emit: (progress: StatusRefreshProgress) => void;
  /** Clock for the emit throttle. */
  now?: () => number;
  /** Least time between two progress events of one job (the last one is always sent). */
  intervalMs?: number;
}

export interface RefreshJobs {
  /** Starts a refresh of the campaign, or joins the one running (started: false). */
  start(campaignId: number): RefreshStarted;
  /** Stops the campaign's refresh; resolves, once its in-flight requests are recorded, to whether one ran. */
  cancel(campaignId: number): Promise<boolean>;
  /** The running refresh's final progress; null when none runs. */
  whenDone(campaignId: number): Promise<StatusRefreshProgress> | null;
}

interface Job {
  total: number;
  cancelled: boolean;
  last: StatusRefreshProgress;
  done: Promise<StatusRefreshProgress>;
}

const NON_POLLABLE = [...FINAL_DELIVERY_STATUSES, NOT_FOUND_STATUS];

/** The rows a refresh will ask about: the same condition refreshableStatusRows pages through. */
export function countRefreshable(db: Db, campaignId: number): number {
  return countRefreshableRows(db, campaignId, NON_POLLABLE);
}

/** Every row failing is an error; some failing is worth saying too (they are asked again later). */
export function refreshError(s: Pick<PollSummary, 'checked' | 'errors' | 'lastError'>): string | null {
  if (s.errors === 0) return null;
  const why = s.lastError ?? 'no answer from Messente';
  if (s.errors === s.checked) return `Delivery statuses could not be checked: ${why}`;
  return `${s.errors} of ${s.checked} statuses could not be checked (${why}); they will be asked again later.`;
}

export function createRefreshJobs(deps: RefreshJobsDeps): RefreshJobs {
  const now = deps.now ?? Date.now;
  const intervalMs = deps.intervalMs ?? 250;
  const jobs = new Map<number, Job>();

  function run(campaignId: number): Job {
    const total = countRefreshable(deps.db, campaignId);
    const progress = (s: Readonly<PollSummary> | null, done: boolean): StatusRefreshProgress => ({
      campaignId,
      checked: s?.checked ?? 0,
      // Rows accepted while the refresh runs (a campaign still sending) are asked about too.
      total: Math.max(total, s?.checked ?? 0),
      changed: s?.changed ?? 0,
      done,
      cancelled: done && job.cancelled,
      error: done && s ? refreshError(s) : null,
    });
    let lastEmit = -Infinity;
    const job = {
      cancelled: false,
      last: { campaignId, checked: 0, total, changed: 0, done: false, cancelled: false, error: null },
    } satisfies Omit<Job, 'done' | 'total'> as Omit<Job, 'done' | 'total'>;
    const send = (p: StatusRefreshProgress) => {
      job.last = p;
      deps.emit(p);
    };
    const done = deps.poller
      .refreshCampaign(campaignId, {
        cancelled: () => job.cancelled,
        onProgress: (s) => {
          const t = now();
          if (t - lastEmit < intervalMs) return;
          lastEmit = t;
          send(progress(s, false));
        },
      })
      .then(
        (s) => progress(s, true),
        (error: unknown) => ({
          ...progress(null, true),
          error: `Delivery statuses could not be checked: ${errorMessage(error)}`,
        }),
      )
      .then((final) => {
        jobs.delete(campaignId);
        send(final);
        return final;
      });
    return Object.assign(job, { total, done });
  }

  return {
    start(campaignId) {
      const running = jobs.get(campaignId);
      if (running) {
        // A window opened later learns where the running refresh is without waiting for its next tick.
        deps.emit(running.last);
        return { started: false, total: running.last.total };
      }
      const job = run(campaignId);
      jobs.set(campaignId, job);
      deps.emit(job.last);
      return { started: true, total: job.total };
    },
    async cancel(campaignId) {
      const job = jobs.get(campaignId);
      if (!job) return false;
      job.cancelled = true;
      await job.done;
      return true;
    },
    whenDone: (campaignId) => jobs.get(campaignId)?.done ?? null,
  };
}
