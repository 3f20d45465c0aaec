import type { EventName, EventPayloads } from '../shared/contract';

/** One [name, payload] pair per event: a listener checking `name` gets the matching payload type. */
export type EventArgs = { [E in EventName]: [name: E, payload: EventPayloads[E]] }[EventName];
export type EventListener = (...event: EventArgs) => void;

/** Main's events, fanned out to whichever transports are attached (IPC windows, web-host streams, CLI). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) {
      // One broken subscriber (a closed window, a dropped stream) must not stop the others.
      try {
        listener(...([name, payload] as EventArgs));
      } catch {
        this.listeners.delete(listener);
      }
    }
  }
}
