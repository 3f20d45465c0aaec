// Messente is reached over HTTPS: the lean client's TLS path, with certificate verification, over a
// real local TLS server. The certificate in fixtures/ is a self-signed test certificate for
// 127.0.0.1 and localhost, made for this test only.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from './http';

const cert = readFileSync(new URL('./fixtures/test-cert.pem', import.meta.url), 'utf8');
const key = readFileSync(new URL('./fixtures/test-key.pem', import.meta.url), 'utf8');
let server: Server | undefined;

async function listen(): Promise<string> {
  server = createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ echoed: Buffer.concat(chunks).toString('utf8'), auth: req.headers.authorization }),
      );
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server!.address() as AddressInfo).port}/v1/omnimessage`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('HTTPS', () => {
  it('sends and reads answers over TLS, reusing the connection', async () => {
    const url = await listen();
    let connections = 0;
    server!.on('secureConnection', () => (connections += 1));
    const t = createTransport(2, { ca: cert });
    for (let i = 0; i < 3; i++) {
      const r = await t.send({
        method: 'POST',
        url: new URL(url),
        headers: { authorization: 'Basic dTpw', 'content-type': 'application/json' },
        body: `{"n":${i},"text":"Jüri"}`,
        timeoutMs: 5_000,
      });
      expect(r).toMatchObject({ type: 'response', status: 201 });
      if (r.type === 'response')
        expect(JSON.parse(r.body)).toEqual({ echoed: `{"n":${i},"text":"Jüri"}`, auth: 'Basic dTpw' });
    }
    expect(connections).toBe(1);
    t.close();
  });

  it('refuses a server whose certificate it cannot verify, before anything is written', async () => {
    const url = await listen();
    const t = createTransport(2);
    const r = await t.send({ method: 'POST', url: new URL(url), headers: {}, body: '{}', timeoutMs: 5_000 });
    // Nothing reached the server, so the sender may safely retry or stop: never an `unknown` row.
    expect(r).toMatchObject({ type: 'failure', reason: 'connect' });
    t.close();
  });
});
