// The delivery status poller: asks Messente about accepted messages on the thinning schedule (and
// on demand for one campaign), within the request budget it shares with the sending engine, and
// records every change. Runs in the background with the core; the CLI uses it for one refresh.
import {
  createStatusStore,
  dueStatusRows,
  nextStatusCheckAt,
  refreshableStatusRows,
  scheduleAccepted,
  type StatusRow,
  type StatusWrite,
} from '../db/queries/statuses';
import type { Db } from '../db/database';
import type { StatusResult } from '../messente/status';
import { askWithRetries, takeShare } from '../messente/retries';
import { RequestLimiter } from './limiter';
import { failureText, observe } from './observe';
import {
  FINAL_DELIVERY_STATUSES,
  NOT_FOUND_STATUS,
  STATUS_CHECK_OFFSETS_MS,
  isFinalStatus,
  nextCheckAt,
} from './schedule';
import { errorMessage } from '../../shared/errors';

/** The part of the Messente client the poller uses (main/messente's client satisfies it). */
export interface StatusClient {
  getStatus(omnimessageId: string): Promise<StatusResult>;
  close(): Promise<void> | void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PollerDeps {
  db: Db;
  getClient: (campaignId: number) => Promise<StatusClient>;
  /** Shared with the sending engine; a private one (Messente's per-second limit) when absent. */
  limiter?: RequestLimiter;
  /** Wall clock (ms since epoch): the schedule is in sent_at's terms. */
  now?: () => number;
  /** The limiter's time base; must be the sending engine's (performance.now()). */
  monotonic?: () => number;
  timers?: Timers;
  /** Status requests in flight at once. */
  maxInFlight?: number;
  /** The longest the background loop sleeps: newly accepted rows are found at least this often. */
  idleMs?: number;
  offsets?: readonly number[];
  onError?: (message: string) => void;
}

export interface PollSummary {
  checked: number;
  /** Status changes recorded. */
  changed: number;
  notFound: number;
  errors: number;
  lastError: string | null;
}

export interface StatusPoller {
  /** Starts the background schedule (idempotent). */
  start(): void;
  /** Stops: no new request starts; resolves when the ones in flight are recorded. */
  stop(): Promise<void>;
  /** One pass over every row due now (the background loop runs exactly this). */
  pollDue(): Promise<PollSummary>;
  /** Asks once, now, about every accepted row of the campaign whose status may still change. */
  refreshCampaign(campaignId: number, options?: RefreshOptions): Promise<PollSummary>;
}

/** How a caller follows and stops one refresh (main/delivery-status/refresh-jobs.ts, the CLI). */
export interface RefreshOptions {
  /** Checked when each request would start: true stops the refresh (in-flight requests finish). */
  cancelled?: () => boolean;
  /** After each answer and each batch written; the summary is live (read it, don't keep it). */
  onProgress?: (summary: Readonly<PollSummary>) => void;
}

const PAGE = 500;
const FLUSH_EVERY = 64;
const NON_POLLABLE = [...FINAL_DELIVERY_STATUSES, NOT_FOUND_STATUS];

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function createStatusPoller(deps: PollerDeps): StatusPoller {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const monotonic = deps.monotonic ?? (() => performance.now());
  const timers = deps.timers ?? realTimers;
  const limiter = deps.limiter ?? new RequestLimiter();
  const maxInFlight = deps.maxInFlight ?? 16;
  const idleMs = deps.idleMs ?? 30_000;
  const offsets = deps.offsets ?? STATUS_CHECK_OFFSETS_MS;
  const store = createStatusStore(db);
  let stopped = false;
  let running = false;
  let timer: unknown = null;
  let pass: Promise<unknown> | null = null;
  const passes = new Set<Promise<unknown>>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => timers.setTimeout(resolve, Math.max(1, Math.ceil(ms))));

  const acquire = () => takeShare(limiter, 'poll', monotonic, sleep);

  function nextFor(row: StatusRow, at: number, final: boolean): string | null {
    if (final) return null;
    const sent = row.sentAt ? Date.parse(row.sentAt) : at;
    const next = nextCheckAt(sent, at, offsets);
    return next === null ? null : new Date(next).toISOString();
  }

  /** Polls the rows `pages` yields, at most maxInFlight at once, writing answers in batches. */
  async function pollRows(
    pages: () => StatusRow[],
    summary: PollSummary,
    options: RefreshOptions = {},
  ): Promise<void> {
    const halted = () => stopped || (options.cancelled?.() ?? false);
    const clients = new Map<number, Promise<StatusClient>>();
    const inFlight = new Set<Promise<void>>();
    let buffer: StatusWrite[] = [];
    const flush = () => {
      if (buffer.length === 0) return;
      summary.changed += store.write(buffer);
      buffer = [];
      options.onProgress?.(summary);
    };
    const pollOne = async (row: StatusRow) => {
      let result: StatusResult;
      try {
        let client = clients.get(row.campaignId);
        if (!client) clients.set(row.campaignId, (client = deps.getClient(row.campaignId)));
        const c = await client;
        result = await askWithRetries(() => c.getStatus(row.omnimessageId), { sleep, acquire, halted });
      } catch (error) {
        result = { kind: 'error', detail: errorMessage(error) };
      }
      const at = now();
      const observation = observe(result);
      summary.checked += 1;
      if (observation.kind === 'not-found') summary.notFound += 1;
      const failure = failureText(result);
      if (failure !== null) {
        summary.errors += 1;
        summary.lastError = failure;
      }
      const final =
        observation.kind === 'not-found' ||
        (observation.kind === 'status' && isFinalStatus(observation.status));
      buffer.push({
        messageId: row.id,
        checkedAt: new Date(at).toISOString(),
        observation,
        nextCheckAt: nextFor(row, at, final),
      });
      if (buffer.length >= FLUSH_EVERY) flush();
      else options.onProgress?.(summary);
    };
    try {
      for (let rows = pages(); rows.length > 0 && !halted(); rows = pages()) {
        for (const row of rows) {
          if (halted()) break;
          while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
          if (halted()) break;
          await acquire();
          // A cancel during the wait for budget: that slot goes unused rather than start a request.
          if (halted()) break;
          const p: Promise<void> = pollOne(row).finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
        // The next page is read after this one's answers are written, so it does not repeat rows.
        await Promise.all(inFlight);
        flush();
      }
    } finally {
      await Promise.all(inFlight);
      flush();
      for (const client of clients.values()) {
        void client.then((c) => c.close()).catch(() => undefined);
      }
    }
  }

  const emptySummary = (): PollSummary => ({
    checked: 0,
    changed: 0,
    notFound: 0,
    errors: 0,
    lastError: null,
  });

  function track<T>(work: Promise<T>): Promise<T> {
    passes.add(work);
    void work.finally(() => passes.delete(work)).catch(() => undefined);
    return work;
  }

  function pollDue(): Promise<PollSummary> {
    return track(
      (async () => {
        const summary = emptySummary();
        const startedAt = now();
        const iso = new Date(startedAt).toISOString();
        scheduleAccepted(db, Math.round((offsets[0] ?? 60_000) / 1_000), iso);
        const seen = new Set<number>();
        await pollRows(() => {
          // Rows answered in this pass moved on; a row seen again means its write failed: stop.
          const rows = dueStatusRows(db, iso, PAGE).filter((r) => !seen.has(r.id));
          for (const r of rows) seen.add(r.id);
          return rows;
        }, summary);
        return summary;
      })(),
    );
  }

  function refreshCampaign(campaignId: number, options: RefreshOptions = {}): Promise<PollSummary> {
    return track(
      (async () => {
        const summary = emptySummary();
        scheduleAccepted(db, Math.round((offsets[0] ?? 60_000) / 1_000), new Date(now()).toISOString());
        let afterId = 0;
        await pollRows(
          () => {
            const rows = refreshableStatusRows(db, campaignId, NON_POLLABLE, afterId, PAGE);
            afterId = rows.at(-1)?.id ?? afterId;
            return rows;
          },
          summary,
          options,
        );
        return summary;
      })(),
    );
  }

  function schedule(ms: number): void {
    if (!running || stopped) return;
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => void loop(), Math.max(0, Math.min(ms, idleMs)));
  }

  async function loop(): Promise<void> {
    timer = null;
    if (pass || stopped) return;
    try {
      pass = pollDue();
      const summary = (await pass) as PollSummary;
      if (summary.lastError) deps.onError?.(summary.lastError);
      const next = nextStatusCheckAt(db);
      schedule(next === null ? idleMs : Date.parse(next) - now());
    } catch (error) {
      deps.onError?.(`Delivery statuses could not be checked: ${errorMessage(error)}`);
      schedule(idleMs);
    } finally {
      pass = null;
    }
  }

  return {
    start() {
      if (running || stopped) return;
      running = true;
      schedule(0);
    },
    async stop() {
      stopped = true;
      running = false;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await Promise.allSettled([...passes]);
    },
    pollDue,
    refreshCampaign,
  };
}
