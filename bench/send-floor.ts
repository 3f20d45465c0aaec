// The floor under "CPU per message": what this machine charges a Node process for single HTTP
// requests at a given pace when nothing else happens. No engine, no database, no promises: one
// pre-built request written to a free keep-alive socket per timer wake-up (even spacing, as the
// engine paces), answers read with the client's own parser (wire.ts). The engine's figure can only
// be judged beside this one: on a VM where every wake-up is expensive, the floor alone may exceed
// the target.
import { connect, type Socket } from 'node:net';
import { requestHead, ResponseParser } from '../main/messente/wire';
import { usage, usagePer } from './cpu-usage';

export interface FloorFigures {
  cpuMicrosPerRequest: number;
  userMicrosPerRequest: number;
  /** The main thread's share (cpu-usage.ts); null where the kernel does not tell it. */
  mainThreadMicrosPerRequest: number | null;
  wakeUpsPerRequest: number;
}

// The engine's request for a seeded row, byte for byte but the number: autoconvert `on` is left
// out (request-body.ts), and the headers are the client's.
const BODY = JSON.stringify({
  to: '+37250000001',
  messages: [{ channel: 'sms', text: 'Hi N1', sender: 'Shop' }],
});

interface Conn {
  socket: Socket;
  parser: ResponseParser;
}

/** `onMeasured` runs between the warm-up and the measured run (to mark the simulator's log). */
export async function measureFloor(
  apiUrl: string,
  rate: number,
  count: number,
  onMeasured: () => void = () => {},
): Promise<FloorFigures> {
  const url = new URL(`${apiUrl}/omnimessage`);
  const head = requestHead(
    'POST',
    url,
    {
      authorization: `Basic ${Buffer.from('test:test').toString('base64')}`,
      accept: 'application/json',
      'user-agent': 'Omnicast',
      'content-type': 'application/json',
    },
    Buffer.byteLength(BODY),
  );
  const request = Buffer.from(head + BODY);
  const idle: Conn[] = [];
  const all: Conn[] = [];
  let answered = 0;
  let onAnswer = (): void => {};
  const open = (): Conn => {
    const conn: Conn = { socket: connect(Number(url.port), url.hostname), parser: new ResponseParser() };
    conn.socket.setNoDelay(true);
    conn.socket.on('data', (chunk: Buffer) => {
      if (conn.parser.feed(chunk) === null) return;
      conn.parser = new ResponseParser();
      idle.push(conn);
      answered += 1;
      onAnswer();
    });
    all.push(conn);
    return conn;
  };
  /** Sends `count` single requests, `perWakeUp` at a time, at `rate` a second; resolves when all are answered. */
  const paced = (rate: number, count: number, perWakeUp: number): Promise<void> =>
    new Promise((done) => {
      answered = 0;
      onAnswer = () => {
        if (answered === count) done();
      };
      let sent = 0;
      const start = performance.now();
      const tick = (): void => {
        const due = Math.min(count, Math.floor(((performance.now() - start) / 1000) * rate) + perWakeUp);
        for (; sent < due; sent++) (idle.pop() ?? open()).socket.write(request);
        if (sent < count) setTimeout(tick, (1000 / rate) * perWakeUp);
      };
      tick();
    });
  try {
    // Warm-up: compiled code and open sockets, as the engine has after its own warm-up.
    await paced(1_000, 2_000, 10);
    // A full collection first, as before each engine run (send.ts): otherwise the engine's garbage,
    // left by the run just before, may be collected inside the floor's measured run and counted
    // as the floor's.
    globalThis.gc?.();
    onMeasured();
    const before = usage();
    await paced(rate, count, 1);
    const per = usagePer(before, usage(), count);
    return {
      cpuMicrosPerRequest: per.cpu,
      userMicrosPerRequest: per.user,
      mainThreadMicrosPerRequest: per.main,
      wakeUpsPerRequest: per.wakes,
    };
  } finally {
    for (const c of all) c.socket.destroy();
  }
}
