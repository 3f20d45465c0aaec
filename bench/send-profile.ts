// SEND_BENCH_PROFILE=folder: a CPU profile of each paced run's engine, written there as
// `send-<rate>-run-<n>.cpuprofile` (open it in Chrome's DevTools). The profiler's own cost inflates
// that run's CPU figure: profile to see where the time goes, not to read the figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/** Starts a profile when SEND_BENCH_PROFILE is set; the returned function stops and writes it. */
export async function startProfile(name: string | null): Promise<() => Promise<void>> {
  const folder = process.env.SEND_BENCH_PROFILE;
  if (!folder || name === null) return async () => {};
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}
