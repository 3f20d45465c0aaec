// The renderer's one client. It cannot tell which transport carries the contract: the preload's
// bridge in the desktop app, or HTTP + server-sent events in the web host.
import type { CallArgs, CallName, CallResults, OmnicastApi } from '../../shared/contract';
import type { EventName, EventPayloads, RawBridge } from '../../shared/contract';
import { createHttpBridge } from './http-bridge';

/** A failed call, with the operator-facing message main gave. */
export class CallError extends Error {
  override name = 'CallError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export function createApi(bridge: RawBridge): OmnicastApi {
  return {
    async call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResults[K]> {
      const envelope = await bridge.invoke(name, args);
      if (!envelope.ok) throw new CallError(envelope.error.message, envelope.error.code);
      return envelope.result as CallResults[K];
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void {
      return bridge.subscribe(name, (payload) => listener(payload as EventPayloads[E]));
    },
  };
}

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in the web host. */
    omnicastBridge?: RawBridge;
  }
}

let instance: OmnicastApi | undefined;

export function getApi(): OmnicastApi {
  instance ??= createApi(window.omnicastBridge ?? createHttpBridge(window.location.origin));
  return instance;
}
