// Sending engine benchmark against the real simulator (child process, send-simulator.ts) through
// the real Messente client: pace as the simulator received it (its log's received_at), CPU per
// message beside a bare Node floor measured in the same run, memory over a long campaign, and the
// unthrottled ceiling.
// What each CPU figure counts: the engine's, this process from the moment the campaign's start has
// returned (campaign read, status committed, client made) to the run's last answer: every claim
// and result commit, the pace, the requests and their answers, progress events and GC. The start
// and the final commits after the last answer happen once per campaign, not per message, and the
// floor has nothing like them: they are measured apart and printed as "once per run". The floor's
// (send-floor.ts): from its first request to its last answer.
// SEND_BENCH_MESSAGES changes the memory run's size (default 200 000; quick mode 20 000);
// SEND_BENCH_RATES=50,150 runs only those paced runs; SEND_BENCH_SECONDS=40 makes each paced
// campaign that long (default 8 s, quick mode 4 s), to see how much of its CPU is warming up;
// SEND_BENCH_DB=memory and SEND_BENCH_CLIENT=null take away the disk and the network, to see what
// each costs; SEND_BENCH_PROFILE (send-profile.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, openMemoryDatabase } from '../main/db/database';
import { EventBus } from '../main/events';
import { createSender } from '../main/sender';
import { seedCampaign } from '../main/sender/test-support';
import { arrivalFigures, arrivalTimes, mostInWindow, type ArrivalFigures } from '../main/sender/arrivals';
import { nullClient, stampedClient, watchedClient } from './send-clients';
import { measureFloor, type FloorFigures } from './send-floor';
import { MAX_RATE } from '../shared/limits';
import { startProfile } from './send-profile';
import { cpuMicros, usage, usagePer, type Usage } from './cpu-usage';
import { LATENCY_MS, logLength, startSimulator, type Simulator } from './send-simulator';
import type { StartOptions } from '../main/sender/types';

interface RunFigures extends ArrivalFigures {
  /** The most our own client was handed in any 1-second window (before the loopback's jitter). */
  mostInOneSecondSent: number;
  /** From the start's return to the last answer, per message (see the top of this file). */
  cpuMicrosPerMessage: number;
  userMicrosPerMessage: number;
  /** The main thread's share; the rest is V8's helper threads (cpu-usage.ts). Null where unknown. */
  mainThreadMicrosPerMessage: number | null;
  /** Voluntary context switches (all threads) per message: the wake-ups an idle process pays for. */
  wakeUpsPerMessage: number;
  /** CPU of the campaign's start and of its final commits after the last answer, once per run. */
  onceMs: number;
  /** Null unless the run sampled its memory. */
  rssGrowthMb: number | null;
}

interface RunOptions {
  profileName?: string;
  /** Samples resident memory four times a second (a wake-up of its own, so only when reported). */
  sampleMemory?: boolean;
}

async function run(
  sim: Simulator,
  messages: number,
  opts: StartOptions,
  runOptions: RunOptions = {},
): Promise<RunFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'omnicast-bench-send-'));
  // SEND_BENCH_DB=memory: the same run without disk writes, to see what durability costs.
  const db = process.env.SEND_BENCH_DB === 'memory' ? openMemoryDatabase() : openDatabase(dir);
  const logStart = logLength(sim.logFile);
  try {
    const id = seedCampaign(db, messages);
    // Our own start times too: the simulator's arrival times add the loopback's scheduling jitter.
    const starts: number[] = [];
    let lastAnswer: Usage | null = null;
    const getClient = async () =>
      watchedClient(
        // SEND_BENCH_CLIENT=null: answers after the same latency without any socket, to tell the
        // engine's own cost (pace, SQLite, bookkeeping) from the network's.
        process.env.SEND_BENCH_CLIENT === 'null' ? nullClient(starts) : stampedClient(sim, starts),
        messages,
        () => (lastAnswer = usage()),
      );
    const sender = createSender({ db, events: new EventBus(), getClient });
    globalThis.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = runOptions.sampleMemory
      ? setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250)
      : null;
    const stopProfile = await startProfile(runOptions.profileName ?? null);
    const before = usage();
    await sender.start(id, opts);
    const started = usage();
    const final = await sender.whenSettled(id);
    const settled = usage();
    await stopProfile();
    if (sampler) clearInterval(sampler);
    const rssGrowth = Math.max(peak, process.memoryUsage().rss) - rss0;
    if (final.counts.accepted !== messages || lastAnswer === null)
      throw new Error(`only ${final.counts.accepted} of ${messages} accepted`);
    const last: Usage = lastAnswer;
    const per = usagePer(started, last, messages);
    const times =
      process.env.SEND_BENCH_CLIENT === 'null'
        ? [...starts]
        : arrivalTimes(readFileSync(sim.logFile, 'utf8').slice(logStart));
    return {
      ...arrivalFigures(times, opts.rate, opts.batchSize ?? 1),
      mostInOneSecondSent: mostInWindow(starts),
      cpuMicrosPerMessage: per.cpu,
      userMicrosPerMessage: per.user,
      mainThreadMicrosPerMessage: per.main,
      wakeUpsPerMessage: per.wakes,
      onceMs: (cpuMicros(before, started) + cpuMicros(last, settled)) / 1_000,
      rssGrowthMb: runOptions.sampleMemory ? rssGrowth / 1024 / 1024 : null,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (n: number, d = 1) => n.toFixed(d);
const pct = (share: number) => `${f(100 * share, 0)}%`;
/** " (main thread M, V8's helper threads H)" of a CPU figure, or nothing where the split is unknown. */
const threads = (total: number, main: number | null) =>
  main === null ? '' : ` (main thread ${f(main, 0)}, V8's helper threads ${f(total - main, 0)})`;

/**
 * Several runs at one rate, each judged by what the simulator received, each followed at once by the
 * floor at the same rate: the engine's CPU per message over the floor's is the target, taken per
 * pair because the floor alone varies by half from one minute to the next on a shared machine, and
 * the median of the pairs is printed beside their range.
 */
async function pacedRuns(sim: Simulator, rate: number, quick: boolean): Promise<void> {
  const runs: RunFigures[] = [];
  const floors: FloorFigures[] = [];
  let lastFloorFrom = 0;
  const count = Math.max(60, rate * Number(process.env.SEND_BENCH_SECONDS ?? (quick ? 4 : 8)));
  for (let i = 1; i <= (quick ? 2 : 5); i++) {
    const r = await run(
      sim,
      count,
      { rate, allowUnsafeRate: rate > MAX_RATE },
      { profileName: `send-${rate}-run-${i}` },
    );
    runs.push(r);
    // The floor at the same rate, right after; where its requests start in the simulator's log is kept.
    const floor = await measureFloor(sim.apiUrl, rate, count, () => (lastFloorFrom = logLength(sim.logFile)));
    floors.push(floor);
    console.log(
      `rate ${rate}/s run ${i}: at the server most in any 1 s ${r.mostInOneSecond} (target ≤ ${rate}; ` +
        `${r.mostInOneSecondSent} as handed to the client), gaps within ±25% of 1/rate ${pct(r.evenShare)}, ` +
        `achieved ${f(r.achieved)}/s (${pct(r.achieved / rate)}), CPU ${f(r.cpuMicrosPerMessage, 0)} µs/message` +
        `${threads(r.cpuMicrosPerMessage, r.mainThreadMicrosPerMessage)} (user ${f(r.userMicrosPerMessage, 0)}), ` +
        `${f(r.wakeUpsPerMessage, 2)} wake-ups/message; floor right after ${f(floor.cpuMicrosPerRequest, 0)} µs/request` +
        `${threads(floor.cpuMicrosPerRequest, floor.mainThreadMicrosPerRequest)}: ` +
        `${f(r.cpuMicrosPerMessage / floor.cpuMicrosPerRequest, 2)}×`,
    );
  }
  const worst = Math.max(...runs.map((r) => r.mostInOneSecond));
  const even = Math.min(...runs.map((r) => r.evenShare));
  const achieved = Math.min(...runs.map((r) => r.achieved / rate));
  const mean = <T>(of: readonly T[], by: (x: T) => number) =>
    of.reduce((sum, x) => sum + by(x), 0) / of.length;
  const meanOrNull = <T>(of: readonly T[], by: (x: T) => number | null) =>
    of.some((x) => by(x) === null) ? null : mean(of, (x) => by(x)!);
  const ratios = runs
    .map((r, i) => r.cpuMicrosPerMessage / floors[i]!.cpuMicrosPerRequest)
    .sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)]!;
  const evenTarget = rate <= 50 ? ' (target ≥ 90%)' : '';
  const cpuTarget = rate >= 50 ? ' (target ≤ 2×)' : '';
  const onceMs = mean(runs, (r) => r.onceMs);
  const engineCpu = mean(runs, (r) => r.cpuMicrosPerMessage);
  const floorCpu = mean(floors, (x) => x.cpuMicrosPerRequest);
  const floorUser = mean(floors, (x) => x.userMicrosPerRequest);
  const engineMain = meanOrNull(runs, (r) => r.mainThreadMicrosPerMessage);
  const floorMain = meanOrNull(floors, (x) => x.mainThreadMicrosPerRequest);
  const floorWakes = mean(floors, (x) => x.wakeUpsPerRequest);
  // The last floor's own requests as the simulator received them, nothing logged after them: the
  // machine's jitter without the engine.
  const bare = arrivalFigures(arrivalTimes(readFileSync(sim.logFile, 'utf8').slice(lastFloorFrom)), rate);
  console.log(
    `rate ${rate}/s over ${runs.length} runs: most in any 1 s at the server ${worst} (target ≤ ${rate}), ` +
      `even gaps at least ${pct(even)}${evenTarget}, achieved at least ${pct(achieved)} (target ≥ 97%)\n` +
      `  CPU: engine ${f(engineCpu, 0)} µs/message${threads(engineCpu, engineMain)}, ` +
      `floor ${f(floorCpu, 0)} µs/request${threads(floorCpu, floorMain)} (user ${f(floorUser, 0)}; ` +
      `bare Node sending the same single requests, no engine, no database, ${f(floorWakes, 2)} wake-ups/request): ` +
      `median of the pairs ${f(median, 2)}× the floor (${f(ratios[0]!, 2)}–${f(ratios.at(-1)!, 2)})${cpuTarget}\n` +
      `  once per run, not in the engine's figure: the campaign's start and its final commits, ` +
      `${f(onceMs)} ms CPU (${f((onceMs * 1_000) / count, 0)} µs/message over ${count})\n` +
      `  the floor's requests at the server (last pair): most in any 1 s ${bare.mostInOneSecond}, even gaps ` +
      `${pct(bare.evenShare)}, achieved ${pct(bare.achieved / rate)}`,
  );
}

export async function runSendBench(options: { quick?: boolean } = {}): Promise<void> {
  const quick = options.quick ?? process.argv.includes('--quick');
  const dir = mkdtempSync(join(tmpdir(), 'omnicast-bench-sim-'));
  const sim = await startSimulator(dir);
  try {
    console.log(
      `real simulator (child process) with ${LATENCY_MS} ms latency, real client, database on disk (synchronous=FULL)`,
    );
    // Warm-up: compile the hot paths and open sockets before anything is measured.
    await run(sim, 3_000, { rate: 1_000, allowUnsafeRate: true });
    await run(sim, quick ? 1_000 : 3_000, { rate: 500, allowUnsafeRate: true });
    const rates = process.env.SEND_BENCH_RATES?.split(',').map(Number) ?? [10, 50, MAX_RATE];
    for (const rate of rates) await pacedRuns(sim, rate, quick);
    if (process.env.SEND_BENCH_RATES) return;
    const total = Number(process.env.SEND_BENCH_MESSAGES ?? (quick ? 20_000 : 200_000));
    const big = await run(
      sim,
      total,
      { rate: 100_000, allowUnsafeRate: true, batchSize: 100, maxInFlight: 8 },
      { sampleMemory: true },
    );
    console.log(
      `memory: ${total} messages (batches of 100, unthrottled), peak resident growth ${f(big.rssGrowthMb ?? 0)} MB ` +
        `(target < 50 MB over 200 000), CPU ${f(big.cpuMicrosPerMessage, 0)} µs/message`,
    );
    const single = await run(sim, quick ? 5_000 : 20_000, {
      rate: 1_000_000,
      allowUnsafeRate: true,
      maxInFlight: 128,
    });
    console.log(
      `ceiling, single sends: ${f(single.achieved, 0)} messages/s, CPU ${f(single.cpuMicrosPerMessage, 0)} µs/message`,
    );
    const batched = await run(sim, quick ? 20_000 : 100_000, {
      rate: 1_000_000,
      allowUnsafeRate: true,
      batchSize: 100,
      maxInFlight: 16,
    });
    console.log(
      `ceiling, batches of 100: ${f(batched.achieved, 0)} messages/s, CPU ${f(batched.cpuMicrosPerMessage, 0)} µs/message`,
    );
  } finally {
    sim.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
