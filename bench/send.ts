// Sending engine benchmark against the real simulator (`omnicast simulator`, in a child process so
// that its CPU and memory are not counted as ours) through the real Messente client: pace as the
// simulator received it (its log's received_at), CPU per message beside a bare Node floor measured
// in the same run, memory over a long campaign, and the unthrottled ceiling.
// SEND_BENCH_MESSAGES changes the memory run's size (default 200 000; quick mode 20 000);
// SEND_BENCH_RATES=50,150 runs only those paced runs; SEND_BENCH_DB=memory and SEND_BENCH_CLIENT=null
// take away the disk and the network, to see what each costs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, openMemoryDatabase } from '../main/db/database';
import { EventBus } from '../main/events';
import { createMessenteClient } from '../main/messente';
import { createSender } from '../main/sender';
import { seedCampaign } from '../main/sender/test-support';
import { arrivalFigures, arrivalTimes, mostInWindow, type ArrivalFigures } from '../main/sender/arrivals';
import { measureFloor } from './send-floor';
import { MAX_RATE } from '../shared/limits';
import type { SendClient, StartOptions } from '../main/sender/types';

const LATENCY_MS = 30;
const CLI = resolve(process.cwd(), 'dist/main/cli.cjs');

interface Simulator {
  apiUrl: string;
  legacyUrl: string;
  logFile: string;
  child: ChildProcess;
}

async function startSimulator(dir: string): Promise<Simulator> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const logFile = join(dir, 'simulator.jsonl');
  const child = spawn(
    process.execPath,
    [CLI, 'simulator', '--port', '0', '--latency-ms', String(LATENCY_MS), '--log', logFile],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const apiUrl = await new Promise<string>((done, fail) => {
    let text = '';
    child.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      const url = /(http:\/\/\S+\/v1)/.exec(text)?.[1];
      if (url) done(url);
    });
    child.once('exit', (code) => fail(new Error(`simulator exited (${code}): ${text}`)));
  });
  return { apiUrl, legacyUrl: apiUrl.replace(/\/v1$/, ''), logFile, child };
}

interface RunFigures extends ArrivalFigures {
  /** The most our own client was handed in any 1-second window (before the loopback's jitter). */
  mostInOneSecondSent: number;
  cpuMicrosPerMessage: number;
  userMicrosPerMessage: number;
  /** Voluntary context switches (all threads) per message: the wake-ups an idle process pays for. */
  wakeUpsPerMessage: number;
  rssGrowthMb: number;
}

const logLength = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').length : 0);

async function run(sim: Simulator, messages: number, opts: StartOptions): Promise<RunFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'omnicast-bench-send-'));
  // SEND_BENCH_DB=memory: the same run without disk writes, to see what durability costs.
  const db = process.env.SEND_BENCH_DB === 'memory' ? openMemoryDatabase() : openDatabase(dir);
  const logStart = logLength(sim.logFile);
  try {
    const id = seedCampaign(db, messages);
    // Our own start times too: the simulator's arrival times add the loopback's scheduling jitter.
    const starts: number[] = [];
    const getClient = async (): Promise<SendClient> => {
      // SEND_BENCH_CLIENT=null: answers after the same latency without any socket, to tell the
      // engine's own cost (pace, SQLite, bookkeeping) from the network's.
      if (process.env.SEND_BENCH_CLIENT === 'null') return nullClient(starts);
      const inner = createMessenteClient({
        apiUrl: sim.apiUrl,
        legacyUrl: sim.legacyUrl,
        username: 'test',
        password: 'test',
        maxSockets: 512,
      });
      return {
        sendOmnimessage: (b, onWritten) => (
          starts.push(performance.now()),
          inner.sendOmnimessage(b, onWritten)
        ),
        sendOmnimessages: (b, onWritten) => {
          for (let i = 0; i < b.length; i++) starts.push(performance.now());
          return inner.sendOmnimessages(b, onWritten);
        },
        close: () => inner.close(),
      };
    };
    const sender = createSender({ db, events: new EventBus(), getClient });
    (globalThis as { gc?: () => void }).gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
    const cpu0 = process.cpuUsage();
    const wakes0 = process.resourceUsage().voluntaryContextSwitches;
    await sender.start(id, opts);
    const final = await sender.whenSettled(id);
    const cpu = process.cpuUsage(cpu0);
    const wakes = process.resourceUsage().voluntaryContextSwitches - wakes0;
    clearInterval(sampler);
    const rssGrowth = Math.max(peak, process.memoryUsage().rss) - rss0;
    if (final.counts.accepted !== messages)
      throw new Error(`only ${final.counts.accepted} of ${messages} accepted`);
    const times =
      process.env.SEND_BENCH_CLIENT === 'null'
        ? [...starts]
        : arrivalTimes(readFileSync(sim.logFile, 'utf8').slice(logStart));
    return {
      ...arrivalFigures(times, opts.rate, opts.batchSize ?? 1),
      mostInOneSecondSent: mostInWindow(starts),
      cpuMicrosPerMessage: (cpu.user + cpu.system) / messages,
      userMicrosPerMessage: cpu.user / messages,
      wakeUpsPerMessage: wakes / messages,
      rssGrowthMb: rssGrowth / 1024 / 1024,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

let nullIds = 0;
function nullClient(starts: number[]): SendClient {
  const answer = () =>
    new Promise<void>((done) => setTimeout(done, LATENCY_MS)).then(() => `null-${++nullIds}`);
  return {
    sendOmnimessage: async () => {
      starts.push(performance.now());
      const id = await answer();
      return { kind: 'accepted', httpStatus: 201, omnimessageId: id, messageIds: [id] };
    },
    sendOmnimessages: async (bodies) => {
      for (let i = 0; i < bodies.length; i++) starts.push(performance.now());
      await answer();
      return {
        kind: 'items',
        httpStatus: 201,
        items: bodies.map(() => {
          const id = `null-${++nullIds}`;
          return { kind: 'accepted' as const, omnimessageId: id, messageIds: [id] };
        }),
      };
    },
    close: async () => {},
  };
}

const f = (n: number, d = 1) => n.toFixed(d);
const pct = (share: number) => `${f(100 * share, 0)}%`;

/**
 * Several runs at one rate, each judged by what the simulator received, then the engine's CPU per
 * message beside the floor's, measured right after at the same rate: their ratio is the target,
 * because the floor alone varies several-fold with the machine's load.
 */
async function pacedRuns(sim: Simulator, rate: number, quick: boolean): Promise<void> {
  const runs: RunFigures[] = [];
  const count = Math.max(60, rate * (quick ? 4 : 8));
  for (let i = 1; i <= (quick ? 2 : 5); i++) {
    const r = await run(sim, count, { rate, allowUnsafeRate: rate > MAX_RATE });
    runs.push(r);
    console.log(
      `rate ${rate}/s run ${i}: at the server most in any 1 s ${r.mostInOneSecond} (target ≤ ${rate}; ` +
        `${r.mostInOneSecondSent} as handed to the client), gaps within ±25% of 1/rate ${pct(r.evenShare)}, ` +
        `achieved ${f(r.achieved)}/s (${pct(r.achieved / rate)}), CPU ${f(r.cpuMicrosPerMessage, 0)} µs/message (user ${f(r.userMicrosPerMessage, 0)}), ` +
        `${f(r.wakeUpsPerMessage, 2)} wake-ups/message`,
    );
  }
  const worst = Math.max(...runs.map((r) => r.mostInOneSecond));
  const even = Math.min(...runs.map((r) => r.evenShare));
  const achieved = Math.min(...runs.map((r) => r.achieved / rate));
  const cpu = runs.reduce((sum, r) => sum + r.cpuMicrosPerMessage, 0) / runs.length;
  // The floor's own requests as the simulator received them: the machine's jitter without the engine.
  let floorFrom = 0;
  const floor = await measureFloor(sim.apiUrl, rate, count, () => (floorFrom = logLength(sim.logFile)));
  const bare = arrivalFigures(arrivalTimes(readFileSync(sim.logFile, 'utf8').slice(floorFrom)), rate);
  const evenTarget = rate <= 50 ? ' (target ≥ 90%)' : '';
  const cpuTarget = rate >= 50 ? ' (target ≤ 2×)' : '';
  console.log(
    `rate ${rate}/s over ${runs.length} runs: most in any 1 s at the server ${worst} (target ≤ ${rate}), ` +
      `even gaps at least ${pct(even)}${evenTarget}, achieved at least ${pct(achieved)} (target ≥ 97%)\n` +
      `  CPU: engine ${f(cpu, 0)} µs/message, floor ${f(floor.cpuMicrosPerRequest, 0)} µs/request (user ${f(floor.userMicrosPerRequest, 0)}) ` +
      `(bare Node sending the same single requests, no engine, no database, ${f(floor.wakeUpsPerRequest, 2)} ` +
      `wake-ups/request): ${f(cpu / floor.cpuMicrosPerRequest, 2)}× the floor${cpuTarget}\n` +
      `  the floor's requests at the server: most in any 1 s ${bare.mostInOneSecond}, even gaps ` +
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
    const big = await run(sim, total, {
      rate: 100_000,
      allowUnsafeRate: true,
      batchSize: 100,
      maxInFlight: 8,
    });
    console.log(
      `memory: ${total} messages (batches of 100, unthrottled), peak resident growth ${f(big.rssGrowthMb)} MB ` +
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
