// A stand-in for main in component specs: answers calls from a table, records them, and lets a spec
// push events as main would. The table is typed against the contract, so a spec whose fake answer
// no longer matches what main returns stops compiling instead of testing a shape main never sends.
import type {
  CallArgs,
  CallName,
  CallResults,
  EventName,
  EventPayloads,
  OmnicastApi,
} from '../../shared/contract';

/** One answer per call a spec needs: a result (or a promise of one), or a thrown error. */
export type FakeHandlers = {
  [K in CallName]?: (args: CallArgs<K>) => CallResults[K] | Promise<CallResults[K]>;
};

export interface FakeApi extends OmnicastApi {
  calls: { name: CallName; args: unknown }[];
  callsTo<K extends CallName>(name: K): CallArgs<K>[];
  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void;
  listenerCount(name: EventName): number;
}

export function fakeApi(handlers: FakeHandlers): FakeApi {
  const calls: { name: CallName; args: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  return {
    calls,
    callsTo: <K extends CallName>(name: K) =>
      calls.filter((c) => c.name === name).map((c) => c.args as CallArgs<K>),
    async call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResults[K]> {
      calls.push({ name, args });
      // The mapped table cannot be indexed by a generic key without losing the pairing of K's
      // arguments and result; FakeHandlers already holds each entry to its own call's types.
      const handler = handlers[name] as
        ((a: CallArgs<K>) => CallResults[K] | Promise<CallResults[K]>) | undefined;
      if (!handler) throw new Error(`no fake for ${name}`);
      return await handler(args);
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const typed = listener as (payload: never) => void;
      set.add(typed);
      return () => set.delete(typed);
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    listenerCount: (name) => listeners.get(name)?.size ?? 0,
  };
}
