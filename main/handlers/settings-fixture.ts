// Tests only: the Settings calls' world. A core per test through createCore and dispatch, either in
// test mode (the simulator inside core) or in "real account" mode against a simulator of our own
// with a known password; both closed after each test.
import { createCore, type Core } from '../core';
import { createMemoryStore } from '../credentials/store';
import { startSimulator, type RunningSimulator } from '../simulator';
import { closeAfterEach } from '../testing/close-after-each';
import { memoryPlatform } from '../testing/memory-platform';
import { tempDir } from '../testing/temp-dir';
import { callerOf } from './test-support';

export const USER = 'api-user';
export const PASSWORD = 'known-simulator-pass-91';

export interface AccountOptions {
  balanceEur?: number;
  /** The password saved in the app; the simulator's own is always PASSWORD. */
  password?: string;
  /** false: the core is not told the account API's address and must find it from the API URL. */
  legacyUrl?: boolean;
}

export function useSettingsCore() {
  const closeLater = closeAfterEach();
  let core: Core | undefined;
  let sim: RunningSimulator | undefined;
  const call = callerOf(() => core);

  return {
    call,
    get core(): Core {
      if (!core) throw new Error('the test has not started its core');
      return core;
    },
    get sim(): RunningSimulator {
      if (!sim) throw new Error('the test has not started its simulator');
      return sim;
    },
    async testModeCore(now: () => number = Date.now, exports: string[] = []): Promise<Core> {
      core = closeLater(
        await createCore({
          dataDir: tempDir('omnicast-settings'),
          platform: memoryPlatform(exports),
          version: 't',
          credentials: createMemoryStore(),
          now,
        }),
      );
      return core;
    },
    /** A core in "real account" mode whose Messente is a simulator with a known password. */
    async accountCore(options: AccountOptions = {}): Promise<Core> {
      const { balanceEur = 100, password = PASSWORD, legacyUrl = true } = options;
      sim = closeLater(await startSimulator({ port: 0, username: USER, password: PASSWORD, balanceEur }));
      core = closeLater(
        await createCore({
          dataDir: tempDir('omnicast-settings'),
          platform: memoryPlatform(),
          version: 't',
          credentials: createMemoryStore(),
          ...(legacyUrl ? { legacyUrl: sim.legacyUrl } : {}),
        }),
      );
      await call('settings.update', { testMode: false, apiUrl: sim.apiUrl });
      await call('credentials.save', { username: USER, password });
      return core;
    },
  };
}
