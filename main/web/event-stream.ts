// Server-sent events: one long response per open page, carrying every event of the bus under its
// contract name, which is what the renderer's EventSource listens for.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isEventName } from '../../shared/contract';
import type { EventBus } from '../events';

export const HEARTBEAT_MS = 15_000;
/** A page that stops reading (a frozen tab) is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface OpenStream {
  close(): void;
}

export function openEventStream(
  request: IncomingMessage,
  response: ServerResponse,
  events: EventBus,
  heartbeatMs = HEARTBEAT_MS,
): OpenStream {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // A first comment flushes the headers so that the browser's EventSource opens at once.
  response.write(': connected\n\n');

  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    response.end();
  };

  const unsubscribe = events.subscribe((name, payload) => {
    if (closed || !isEventName(name)) return;
    if (response.writableLength > MAX_BUFFERED_BYTES) {
      close();
      return;
    }
    response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  // Comments keep proxies and idle timeouts from closing a quiet stream.
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();

  request.on('close', close);
  response.on('close', close);
  return { close };
}
