// Tests only: a sender whose client talks to a real simulator over loopback, both shut down after
// each test of the file that calls useSimulatorSender (vitest's afterEach: never import from code).
import type { Db } from '../db/database';
import { EventBus } from '../events';
import { createMessenteClient } from '../messente';
import { startSimulator, type SimulatorOptions } from '../simulator';
import { closeAfterEach } from '../testing/close-after-each';
import { createSender } from './index';

export interface ClientChoices {
  password?: string;
  /** Appended to the simulator's API URL: a wrong address ("/v2") for tests of a wrong setting. */
  apiSuffix?: string;
  timeoutMs?: number;
}

export function useSimulatorSender(defaults: Partial<SimulatorOptions> = {}) {
  const closeLater = closeAfterEach();
  return async (db: Db, options: Partial<SimulatorOptions> = {}, client: ClientChoices = {}) => {
    const sim = closeLater(
      await startSimulator({ port: 0, username: 'u', password: 'p', ...defaults, ...options }),
    );
    const { apiUrl, legacyUrl } = sim;
    const sender = createSender({
      db,
      events: new EventBus(),
      getClient: async () =>
        createMessenteClient({
          apiUrl: `${apiUrl}${client.apiSuffix ?? ''}`,
          legacyUrl,
          username: 'u',
          password: client.password ?? 'p',
          timeoutMs: client.timeoutMs ?? 5_000,
        }),
    });
    closeLater(sender, (s) => s.shutdown());
    return { sim, sender };
  };
}
