import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
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

/**
 * Test mode's messages, kept in the data folder beside (never inside) the live database: a later
 * run's simulator answers for the campaigns an earlier one accepted, so their statuses can still be
 * checked, and nothing of test mode reaches the tables live campaigns use.
 */
export const TEST_MODE_STORE_FILE = 'test-mode-messages.jsonl';

/**
 * Test mode: a simulator on a random loopback port answers like Messente; nothing leaves the
 * computer. `dataDir`: where its messages are kept between runs (absent: in memory only).
 */
export function createTestModeSimulator(dataDir?: string): TestModeSimulator {
  const username = 'omnicast-test-mode';
  const password = randomBytes(18).toString('base64url');
  let running: Promise<RunningSimulator> | undefined;
  return {
    async connection() {
      running ??= startSimulator({
        port: 0,
        username,
        password,
        latencyMs: 20,
        statusDelayMs: 3_000,
        ...(dataDir === undefined ? {} : { storeFile: join(dataDir, TEST_MODE_STORE_FILE) }),
      });
      const sim = await running;
      return { apiUrl: sim.apiUrl, legacyUrl: sim.legacyUrl, username, password };
    },
    async close() {
      if (running) await (await running).close();
    },
  };
}
