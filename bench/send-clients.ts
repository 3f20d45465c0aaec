// The clients the send bench hands the engine: the real Messente client noting when each request
// was handed to it, a null client (SEND_BENCH_CLIENT=null) answering after the same latency without
// any socket, and a wrapper that tells the bench when the run's last answer came in.
import { createMessenteClient } from '../main/messente';
import type { SendClient } from '../main/sender/types';
import { LATENCY_MS, type Simulator } from './send-simulator';

/** The real client; `starts` receives the time each message was handed to it. */
export function stampedClient(sim: Simulator, starts: number[]): SendClient {
  const inner = createMessenteClient({
    apiUrl: sim.apiUrl,
    legacyUrl: sim.legacyUrl,
    username: 'test',
    password: 'test',
    maxSockets: 512,
  });
  return {
    sendOmnimessage: (b, onWritten) => (starts.push(performance.now()), inner.sendOmnimessage(b, onWritten)),
    sendOmnimessages: (b, onWritten) => {
      for (let i = 0; i < b.length; i++) starts.push(performance.now());
      return inner.sendOmnimessages(b, onWritten);
    },
    close: () => inner.close(),
  };
}

let nullIds = 0;
export function nullClient(starts: number[]): SendClient {
  const answer = () =>
    new Promise<void>((done) => setTimeout(done, LATENCY_MS)).then(() => `null-${++nullIds}`);
  return {
    sendOmnimessage: async () => {
      starts.push(performance.now());
      const id = await answer();
      return { kind: 'accepted', httpStatus: 201, omnimessageId: id, messageIds: [id] };
    },
    sendOmnimessages: async (bodies) => {
      for (let i = 0; i < bodies.length; i++) starts.push(performance.now());
      await answer();
      return {
        kind: 'items',
        httpStatus: 201,
        items: bodies.map(() => {
          const id = `null-${++nullIds}`;
          return { kind: 'accepted' as const, omnimessageId: id, messageIds: [id] };
        }),
      };
    },
    close: async () => {},
  };
}

/**
 * `client`, calling `onLastAnswer` when answers have come for `messages` messages (again after each
 * further one, so a retried run ends at its real last answer): where the steady part of a run ends.
 */
export function watchedClient(client: SendClient, messages: number, onLastAnswer: () => void): SendClient {
  let answered = 0;
  const count = (n: number) => {
    answered += n;
    if (answered >= messages) onLastAnswer();
  };
  return {
    sendOmnimessage: (b, onWritten) =>
      client.sendOmnimessage(b, onWritten).then((outcome) => (count(1), outcome)),
    sendOmnimessages: (b, onWritten) =>
      client.sendOmnimessages(b, onWritten).then((outcome) => (count(b.length), outcome)),
    close: () => client.close(),
  };
}
