import type { EventName, EventPayloads } from '../shared/contract';

export type EventListener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

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
        listener(name, payload);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }
}
