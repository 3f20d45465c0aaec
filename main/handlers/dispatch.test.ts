import { describe, expect, it } from 'vitest';
import { CALL_NAMES, callArgs, type Handlers } from '../../shared/contract';
import { UserError } from '../errors';
import { dispatch } from './dispatch';

// Every handler records what reached it: nothing may arrive that the contract did not validate.
function recordingHandlers(reached: unknown[]): Handlers {
  return Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      (args: unknown) => {
        reached.push(args);
        return { name };
      },
    ]),
  ) as unknown as Handlers;
}

describe('dispatch', () => {
  it('refuses names outside the contract without reaching a handler', async () => {
    const reached: unknown[] = [];
    for (const name of ['nope', 42, null, '__proto__', 'constructor', 'campaigns.list ']) {
      expect(await dispatch(recordingHandlers(reached), name, {})).toEqual({
        ok: false,
        error: { code: 'unknown_call', message: 'Unknown call.' },
      });
    }
    expect(reached).toEqual([]);
  });

  it.each(CALL_NAMES)('rejects malformed arguments for %s', async (name) => {
    const reached: unknown[] = [];
    const handlers = recordingHandlers(reached);
    for (const bad of ['a string', 42, [1, 2], { unexpected: true }, { id: -1 }, { id: 'x' }]) {
      const envelope = await dispatch(handlers, name, bad);
      // A call whose schema accepts the value would reach the handler; none of these may.
      if (envelope.ok) throw new Error(`${name} accepted ${JSON.stringify(bad)}`);
      expect(envelope.error.code).toBe('invalid_arguments');
      expect(envelope.error.message).toContain(name);
    }
    expect(reached).toEqual([]);
  });

  it('passes validated arguments through and envelopes the result', async () => {
    const reached: unknown[] = [];
    const envelope = await dispatch(recordingHandlers(reached), 'campaigns.get', { id: 7 });
    expect(envelope).toEqual({ ok: true, result: { name: 'campaigns.get' } });
    expect(reached).toEqual([{ id: 7 }]);
  });

  it('treats missing arguments as an empty object', async () => {
    const reached: unknown[] = [];
    expect((await dispatch(recordingHandlers(reached), 'campaigns.list', undefined)).ok).toBe(true);
  });

  it('gives a UserError to the caller and hides other errors', async () => {
    const logged: unknown[] = [];
    const handlers = {
      ...recordingHandlers([]),
      'campaigns.get': () => {
        throw new UserError('There is no campaign 7.', 'not_found');
      },
      'campaigns.list': () => {
        throw new Error('SQLITE_CORRUPT at /home/someone/secret/path');
      },
    } as Handlers;
    expect(await dispatch(handlers, 'campaigns.get', { id: 7 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no campaign 7.' },
    });
    const hidden = await dispatch(handlers, 'campaigns.list', {}, { logError: (_n, e) => logged.push(e) });
    expect(hidden.ok).toBe(false);
    expect(JSON.stringify(hidden)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('has a schema for every call name', () => {
    expect(Object.keys(callArgs).sort()).toEqual([...CALL_NAMES].sort());
  });
});
