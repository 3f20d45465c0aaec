import { randomBytes } from 'node:crypto';
import { startSimulator, type RunningSimulator } from './simulator';

export interface SimulatorConnection {
  apiUrl: string;
  legacyUrl: string;
  username: string;
  password: string;
}

export interface TestModeSimulator {
  /** Starts the in-process simulator on first use; later calls reuse it. */
  connection(): Promise<SimulatorConnection>;
  close(): Promise<void>;
}

/** Test mode: a simulator on a random loopback port answers like Messente; nothing leaves the computer. */
export function createTestModeSimulator(): TestModeSimulator {
  const username = 'omnicast-test-mode';
  const password = randomBytes(18).toString('base64url');
  let running: Promise<RunningSimulator> | undefined;
  return {
    async connection() {
      running ??= startSimulator({ port: 0, username, password, latencyMs: 20, statusDelayMs: 3_000 });
      const sim = await running;
      return { apiUrl: sim.apiUrl, legacyUrl: sim.legacyUrl, username, password };
    },
    async close() {
      if (running) await (await running).close();
    },
  };
}
