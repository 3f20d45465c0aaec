// The web host's side of the contract: calls are POST /api/call/<name>, events arrive over one
// EventSource on /api/events. The session cookie set by the host authenticates both.
import type { Envelope, RawBridge } from '../../shared/contract';

export function createHttpBridge(origin: string): RawBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const registered = new Set<string>();
  let source: EventSource | undefined;

  function ensureStream(name: string): void {
    source ??= new EventSource(`${origin}/api/events`);
    if (!registered.has(name)) {
      registered.add(name);
      source.addEventListener(name, (event) => {
        const payload: unknown = JSON.parse((event as MessageEvent<string>).data);
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  }

  return {
    async invoke(name, args) {
      let response: Response;
      try {
        response = await fetch(`${origin}/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        return {
          ok: false,
          error: { code: 'offline', message: 'Omnicast is not running any more. Start it again.' },
        };
      }
      // The host answers refused bodies (413 too large) with an envelope meant for the operator.
      if (!response.ok && response.headers.get('content-type')?.includes('application/json')) {
        return (await response.json()) as Envelope<unknown>;
      }
      if (!response.ok) {
        return {
          ok: false,
          error: {
            code: `http_${response.status}`,
            message: `The request was refused (${response.status}). Reload the page from the link Omnicast printed.`,
          },
        };
      }
      return (await response.json()) as Envelope<unknown>;
    },
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      ensureStream(name);
      return () => set.delete(listener);
    },
  };
}
