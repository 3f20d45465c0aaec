// Who gets in: the printed link works once, for a separate session id that ends after 12 idle
// hours or when the host stops; without a session the answer says how to get back in.
import { describe, expect, it } from 'vitest';
import { NO_SESSION_TITLE } from './no-session';
import { ENTRY_PATH, startWebHost } from './server';
import { basicAuth as basic, cookieOf, enterWith, httpSend, tokenOf } from './test-http';
import { startedWebHost, TOKEN } from './web-host-fixture';

const web = startedWebHost();
const { send, post, cookie, withCookie, origin, enter } = web;

describe('web host sessions', () => {
  it('trades the entry token once for a different, random HttpOnly SameSite=Strict session cookie', async () => {
    const value = cookie().split('=')[1]!;
    expect(value).toMatch(/^[\w-]{40,}$/);
    expect(value).not.toBe(TOKEN);
    expect((await send('/', { headers: withCookie() })).status).toBe(200);

    // The link is spent: a second visit gets the way-in page, not a session.
    const again = await enter(TOKEN);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain(NO_SESSION_TITLE);

    // The browser that spent it, opening it again, is simply shown the app.
    const back = await send(ENTRY_PATH, { headers: { ...basic(TOKEN), ...withCookie() } });
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe(`http://127.0.0.1:${web.host.port}/`);
    expect(back.headers['set-cookie']).toBeUndefined();
  });

  it('sends the first visit on to / without the secret, with the cookie flags', async () => {
    const fresh = await startWebHost({ core: web.core, port: 0, staticDir: web.staticDir, token: TOKEN });
    try {
      const reply = await enterWith(fresh.port, TOKEN);
      expect(reply.status).toBe(303);
      expect(reply.headers.location).toBe(`http://127.0.0.1:${fresh.port}/`);
      const setCookie = reply.headers['set-cookie']?.[0] ?? '';
      expect(setCookie).toMatch(
        new RegExp(`^omnicast_session_${fresh.port}=[\\w-]+; Path=/; HttpOnly; SameSite=Strict$`),
      );
      expect(setCookie).not.toContain(TOKEN);
    } finally {
      await fresh.close();
    }
  });

  it('asks for the secret when the browser has not sent it yet, without a password prompt for wrong ones', async () => {
    const ask = await send(ENTRY_PATH);
    expect(ask.status).toBe(401);
    expect(ask.headers['www-authenticate']).toMatch(/^Basic realm="Omnicast"/);
    const wrong = await enter('wrong');
    expect(wrong.status).toBe(403);
    expect(wrong.headers['www-authenticate']).toBeUndefined();
  });

  it('hands out a new link on request, and the old one stops working', async () => {
    const fresh = await startWebHost({ core: web.core, port: 0, staticDir: web.staticDir, token: TOKEN });
    try {
      const next = fresh.newEntryUrl();
      const token = tokenOf(next);
      expect(token).not.toBe(TOKEN);
      expect((await enterWith(fresh.port, TOKEN)).status).toBe(403);
      expect((await enterWith(fresh.port, token)).status).toBe(303);
    } finally {
      await fresh.close();
    }
  });

  it('answers a request without a live session with the way-in page, an envelope or plain words', async () => {
    for (const reply of [
      await send('/'),
      await send(`/?token=${TOKEN}`),
      await send('/', { headers: { Cookie: `omnicast_session_${web.host.port}=wrong` } }),
      // The entry token is not a session id.
      await send('/', { headers: { Cookie: `omnicast_session_${web.host.port}=${TOKEN}` } }),
      await send('/', { headers: basic(TOKEN) }),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.body).toContain(`<h1>${NO_SESSION_TITLE}</h1>`);
      expect(reply.body).toContain('press Enter there for a new link');
      expect(reply.body).toContain('<code>npm run web</code>');
    }
    const call = await post('app.info', '{}', { Origin: origin() });
    expect(call.status).toBe(403);
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'no_session' } });
    const events = await send('/api/events');
    expect(events.status).toBe(403);
    expect(events.body).toContain('npm run web');
  });

  it('ends a session after 12 idle hours, and every session when the host stops', async () => {
    let now = 0;
    const fresh = await startWebHost({
      core: web.core,
      port: 0,
      staticDir: web.staticDir,
      token: TOKEN,
      now: () => now,
    });
    const session = cookieOf(await enterWith(fresh.port, TOKEN));
    const hour = 60 * 60 * 1000;
    now = 11 * hour;
    expect((await httpSend(fresh.port, '/', { headers: { Cookie: session } })).status).toBe(200);
    // Activity counts: eleven more hours from the last request is still inside the window.
    now = 22 * hour;
    expect((await httpSend(fresh.port, '/', { headers: { Cookie: session } })).status).toBe(200);
    now = 34 * hour;
    expect((await httpSend(fresh.port, '/', { headers: { Cookie: session } })).status).toBe(403);

    const port = fresh.port;
    const second = fresh.newEntryUrl();
    const live = cookieOf(await enterWith(port, tokenOf(second)));
    await fresh.close();
    const restarted = await startWebHost({ core: web.core, port, staticDir: web.staticDir, token: TOKEN });
    try {
      expect((await httpSend(port, '/', { headers: { Cookie: live } })).status).toBe(403);
    } finally {
      await restarted.close();
    }
  });
});
