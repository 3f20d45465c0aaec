import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeychainStore, createMemoryStore, openCredentialStore, type KeytarLike } from './store';

// scripts/test.sh starts a real Secret Service (gnome-keyring in a private D-Bus session) and sets
// OMNICAST_KEYCHAIN_AVAILABLE; in CI its absence is a failure, not a skip.
const keychainAvailable = process.env.OMNICAST_KEYCHAIN_AVAILABLE === '1';

describe('memory credential store', () => {
  it('saves, replaces and removes', async () => {
    const store = createMemoryStore();
    expect(await store.get()).toBeNull();
    await store.save({ username: 'a', password: 'p1' });
    await store.save({ username: 'b', password: 'p2' });
    expect(await store.get()).toEqual({ username: 'b', password: 'p2' });
    await store.remove();
    expect(await store.get()).toBeNull();
  });
});

describe('keychain availability', () => {
  it.runIf(process.env.CI === 'true')('has a real Secret Service in CI', () => {
    expect(keychainAvailable, 'run the tests through npm test, which starts gnome-keyring').toBe(true);
  });
});

describe.runIf(keychainAvailable)('keychain credential store (real Secret Service)', () => {
  it('opens the keychain rather than memory', async () => {
    expect((await openCredentialStore(`omnicast-test-${randomUUID()}`)).kind).toBe('keychain');
  });

  it('saves, reads, replaces and deletes through keytar', async () => {
    const service = `omnicast-test-${randomUUID()}`;
    const keytar = (await import('keytar')) as unknown as KeytarLike & { default?: KeytarLike };
    const api = keytar.default ?? keytar;
    const store = createKeychainStore(api, service);
    expect(await store.get()).toBeNull();
    await store.save({ username: 'shop-api', password: 'first-secret' });
    expect(await store.get()).toEqual({ username: 'shop-api', password: 'first-secret' });
    await store.save({ username: 'clinic-api', password: 'second-secret' });
    expect(await store.get()).toEqual({ username: 'clinic-api', password: 'second-secret' });
    // Replacing the user removes the old user's password from the keychain.
    expect(await api.getPassword(service, 'shop-api')).toBeNull();
    await store.remove();
    expect(await store.get()).toBeNull();
    expect(await api.getPassword(service, 'clinic-api')).toBeNull();
  });
});
