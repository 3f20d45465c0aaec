// Tests that drive the core the way both transports do: through dispatch, with arguments checked
// against the contract. One caller and one "draft with these numbers" for every such test.
// Imported by tests only (it registers vitest hooks).
import { afterEach } from 'vitest';
import type { CallArgs, CallName, CallResults } from '../../shared/contract';
import type { ImportedRecipient } from '../../shared/types';
import { createCore, type Core } from '../core';
import { createMemoryStore } from '../credentials/store';
import { dispatch, type DispatchOptions } from './dispatch';
import { testDraft } from '../sender/test-support';
import { tempDir } from '../testing/temp-dir';

export type CoreCall = <K extends CallName>(name: K, args: CallArgs<K>) => Promise<CallResults[K]>;

/** Calls through dispatch; a refused call throws "code: message" so tests can match either. */
export function callerOf(getCore: () => Core | undefined, options: DispatchOptions = {}): CoreCall {
  return async (name, args) => {
    const core = getCore();
    if (!core) throw new Error('the test has no core yet');
    const envelope = await dispatch(core.handlers, name, args, options);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.result as CallResults[typeof name];
  };
}

/** Sendable rows for these numbers, with a name column before the phone column. */
export function namedRecipients(phones: readonly string[]): ImportedRecipient[] {
  return phones.map((to, i) => ({
    row: i + 1,
    fields: [`N${i}`, to],
    rawPhone: to,
    to,
    status: 'ok',
    reason: null,
  }));
}

/** A draft "Hi {{name}}" campaign (columns name, phone) holding one row per number. */
export async function draftWithRecipients(
  call: CoreCall,
  name: string,
  phones: readonly string[],
): Promise<number> {
  const { id } = await call('campaigns.create', {
    name,
    ...testDraft(),
    sourceFile: 'x.csv',
  });
  await call('campaigns.addRecipients', { id, recipients: namedRecipients(phones) });
  return id;
}

/** A clinic's reminders: columns name, phone and Appointment, for campaigns delivered row by row. */
export function clinicDraft(over: Partial<CallArgs<'campaigns.create'>> = {}): CallArgs<'campaigns.create'> {
  return {
    name: 'Reminders',
    template: 'Hi {{name}}',
    sender: 'Clinic',
    autoconvert: 'on',
    country: 'EE',
    columns: ['name', 'phone', 'Appointment'],
    phoneColumn: 1,
    sourceFile: 'clinic.csv',
    ...over,
  };
}

/** A fresh core in test mode (in-process simulator, memory keychain) in its own data folder. */
export function testModeCoreIn(prefix: string): Promise<Core> {
  return createCore({
    dataDir: tempDir(prefix),
    platform: { offerExport: async () => ({ kind: 'cancelled' }) },
    version: 't',
    credentials: createMemoryStore(),
  });
}

/** A test-mode core per test (started by `start`, closed after each test) and its caller. */
export function useTestModeCore(prefix: string) {
  let core: Core | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });
  return {
    call: callerOf(() => core),
    start: async (): Promise<Core> => (core = await testModeCoreIn(prefix)),
    get core(): Core {
      if (!core) throw new Error('the test has not started its core');
      return core;
    },
  };
}
