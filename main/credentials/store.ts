// API credentials live in the OS keychain (keytar), never in SQLite, logs, exports or the
// renderer. Where no keychain answers (Linux without a Secret Service), they are kept in memory
// for this session only, and the app says so.

export const KEYCHAIN_SERVICE = 'Omnicast Messente API';
const USERNAME_ACCOUNT = '__username__';

export interface Credentials {
  username: string;
  password: string;
}

export interface CredentialStore {
  readonly kind: 'keychain' | 'memory';
  get(): Promise<Credentials | null>;
  save(credentials: Credentials): Promise<void>;
  remove(): Promise<void>;
}

/** The subset of keytar we use, so that tests can hand in the real module or a memory store. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export function createMemoryStore(): CredentialStore {
  let saved: Credentials | null = null;
  return {
    kind: 'memory',
    get: async () => saved,
    save: async (c) => {
      saved = { ...c };
    },
    remove: async () => {
      saved = null;
    },
  };
}

export function createKeychainStore(keytar: KeytarLike, service = KEYCHAIN_SERVICE): CredentialStore {
  return {
    kind: 'keychain',
    async get() {
      const username = await keytar.getPassword(service, USERNAME_ACCOUNT);
      if (!username) return null;
      const password = await keytar.getPassword(service, username);
      return password ? { username, password } : null;
    },
    async save(c) {
      const previous = await keytar.getPassword(service, USERNAME_ACCOUNT);
      await keytar.setPassword(service, c.username, c.password);
      await keytar.setPassword(service, USERNAME_ACCOUNT, c.username);
      if (previous && previous !== c.username) await keytar.deletePassword(service, previous);
    },
    async remove() {
      const username = await keytar.getPassword(service, USERNAME_ACCOUNT);
      if (username) await keytar.deletePassword(service, username);
      await keytar.deletePassword(service, USERNAME_ACCOUNT);
    },
  };
}

// A Secret Service that is absent normally fails at once; one that hangs (D-Bus autolaunch on a
// headless machine) must not stall start-up either.
const PROBE_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('keychain did not answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Loads keytar and proves the keychain answers with a harmless read; any failure (module missing,
 * no Secret Service on the session bus, locked collection that cannot be opened) means memory only.
 */
export async function openCredentialStore(service = KEYCHAIN_SERVICE): Promise<CredentialStore> {
  try {
    const keytar = (await import('keytar')) as unknown as KeytarLike & { default?: KeytarLike };
    const api: KeytarLike = keytar.default ?? keytar;
    await withTimeout(api.getPassword(service, USERNAME_ACCOUNT), PROBE_TIMEOUT_MS);
    return createKeychainStore(api, service);
  } catch {
    return createMemoryStore();
  }
}
