// Sending engine benchmark: pace accuracy, CPU per message, memory over a long campaign, and the
// unthrottled ceiling. The Messente stand-in runs in a child process so that its CPU and memory
// are not counted as ours. SEND_BENCH_MESSAGES=200000 for the full memory run (default 20 000).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../main/db/database';
import { EventBus } from '../main/events';
import { createSender } from '../main/sender';
import { createTestClient, seedCampaign } from '../main/sender/test-support';
import type { SendClient, StartOptions } from '../main/sender/types';

const LATENCY_MS = 30;

// A loopback server answering 201 like Messente after a fixed latency (single and bulk).
const SERVER = `
const http = require('node:http'); const { randomUUID } = require('node:crypto');
const latency = Number(process.argv[1]);
const one = (m) => ({ omnimessage_id: randomUUID(), to: m.to, messages: [{ channel: 'sms', message_id: randomUUID() }] });
const server = http.createServer((req, res) => {
  const chunks = []; req.on('data', (c) => chunks.push(c));
  req.on('end', () => setTimeout(() => {
    const body = JSON.parse(Buffer.concat(chunks).toString());
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body.messages ? { messages: body.messages.map(one) } : one(body)));
  }, latency));
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;

async function startServer(latencyMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER, String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve) =>
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}/v1`, child };
}

interface RunFigures {
  messages: number;
  seconds: number;
  achieved: number;
  mostInOneSecond: number;
  cpuMicrosPerMessage: number;
  rssGrowthMb: number;
}

function mostInOneSecond(starts: number[], sizes: number[]): number {
  let most = 0;
  let inWindow = 0;
  let j = 0;
  for (let i = 0; i < starts.length; i++) {
    while (j < starts.length && starts[j]! < starts[i]! + 1000) inWindow += sizes[j++]!;
    most = Math.max(most, inWindow);
    inWindow -= sizes[i]!;
  }
  return most;
}

async function run(url: string, messages: number, opts: StartOptions): Promise<RunFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'omnicast-bench-send-'));
  const db = openDatabase(dir);
  try {
    const id = seedCampaign(db, messages);
    const starts: number[] = [];
    const sizes: number[] = [];
    const getClient = async (): Promise<SendClient> => {
      const inner = createTestClient(url, 10_000);
      return {
        sendOmnimessage: (b) => (starts.push(performance.now()), sizes.push(1), inner.sendOmnimessage(b)),
        sendOmnimessages: (b) => (
          starts.push(performance.now()),
          sizes.push(b.length),
          inner.sendOmnimessages(b)
        ),
        close: () => inner.close(),
      };
    };
    const sender = createSender({ db, events: new EventBus(), getClient });
    (globalThis as { gc?: () => void }).gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
    const cpu0 = process.cpuUsage();
    await sender.start(id, opts);
    const final = await sender.whenSettled(id);
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    const rssGrowth = Math.max(peak, process.memoryUsage().rss) - rss0;
    if (final.counts.accepted !== messages)
      throw new Error(`only ${final.counts.accepted} of ${messages} accepted`);
    const seconds = (starts.at(-1)! - starts[0]!) / 1000;
    return {
      messages,
      seconds,
      achieved: (messages - sizes.at(-1)!) / seconds,
      mostInOneSecond: mostInOneSecond(starts, sizes),
      cpuMicrosPerMessage: (cpu.user + cpu.system) / messages,
      rssGrowthMb: rssGrowth / 1024 / 1024,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (n: number, d = 1) => n.toFixed(d);

export async function runSendBench(): Promise<void> {
  const { url, child } = await startServer(LATENCY_MS);
  try {
    console.log(`simulated Messente latency ${LATENCY_MS} ms, database on disk (synchronous=FULL)`);
    // Warm-up: compile the hot paths and open sockets before anything is measured.
    await run(url, 2_000, { rate: 1_000_000, allowUnsafeRate: true });
    for (const rate of [50, 150, 500]) {
      const r = await run(url, rate * 10, { rate, allowUnsafeRate: rate > 150 });
      console.log(
        `rate ${rate}/s: achieved ${f(r.achieved)}/s (${f((100 * r.achieved) / rate)}%, target ≥ 97%), ` +
          `most in one second ${r.mostInOneSecond} (target ≤ ${rate}), CPU ${f(r.cpuMicrosPerMessage, 0)} µs/message (target ≤ 100)`,
      );
    }
    const total = Number(process.env.SEND_BENCH_MESSAGES ?? 20_000);
    const big = await run(url, total, { rate: 100_000, allowUnsafeRate: true, maxInFlight: 64 });
    console.log(
      `memory: ${total} messages unthrottled, peak resident growth ${f(big.rssGrowthMb)} MB (target < 50 MB over 200 000)` +
        `${total < 200_000 ? '; SEND_BENCH_MESSAGES=200000 for the full run' : ''}`,
    );
    const single = await run(url, 10_000, { rate: 1_000_000, allowUnsafeRate: true, maxInFlight: 256 });
    console.log(
      `ceiling, single sends: ${f(single.achieved, 0)} messages/s, CPU ${f(single.cpuMicrosPerMessage, 0)} µs/message`,
    );
    const batched = await run(url, 50_000, {
      rate: 1_000_000,
      allowUnsafeRate: true,
      batchSize: 100,
      maxInFlight: 32,
    });
    console.log(
      `ceiling, batches of 100: ${f(batched.achieved, 0)} messages/s, CPU ${f(batched.cpuMicrosPerMessage, 0)} µs/message`,
    );
  } finally {
    child.kill();
  }
}
