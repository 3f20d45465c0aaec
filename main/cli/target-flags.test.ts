import { describe, expect, it } from 'vitest';
import { dispatch } from '../handlers/dispatch';
import type { Handlers } from '../../shared/contract';
import { UsageError } from './command';
import { targetFrom } from './cli-core';

describe('API addresses', () => {
  it('--api-url and --legacy-url refuse plain http to another computer and user:password@, without echoing it', () => {
    for (const [values, name] of [
      [{ 'api-url': 'http://api.messente.com/v1' }, 'api-url'],
      [{ 'api-url': 'https://me:hunter2@api.messente.com/v1' }, 'api-url'],
      [{ 'legacy-url': 'http://api2.messente.com' }, 'legacy-url'],
    ] as const) {
      let thrown: unknown;
      try {
        targetFrom(values);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UsageError);
      const message = (thrown as Error).message;
      expect(message).toMatch(new RegExp(`^--${name}: (Use an https://|Leave the user name)`));
      expect(message).not.toContain('hunter2');
    }
  });

  it('--api-url takes https, and plain http on loopback (the simulator)', () => {
    expect(targetFrom({ 'api-url': 'https://api.messente.com/v1/' })).toEqual({
      apiUrl: 'https://api.messente.com/v1',
    });
    expect(targetFrom({ 'api-url': 'http://127.0.0.1:4010/v1' })).toEqual({
      apiUrl: 'http://127.0.0.1:4010/v1',
    });
  });

  it('--test-mode and --live choose the world; without flags the settings decide', () => {
    expect(targetFrom({})).toBeUndefined();
    expect(targetFrom({ 'test-mode': true })).toBe('test');
    expect(targetFrom({ live: true })).toEqual({});
    expect(() => targetFrom({ 'test-mode': true, 'api-url': 'https://api.messente.com/v1' })).toThrow(
      UsageError,
    );
  });

  it('settings.update refuses the same addresses with the same sentence, before any handler runs', async () => {
    const reached: unknown[] = [];
    const handlers = {
      'settings.update': (args: unknown) => (reached.push(args), {}),
    } as unknown as Handlers;
    const plain = await dispatch(handlers, 'settings.update', { apiUrl: 'http://api.messente.com/v1' });
    expect(plain.ok).toBe(false);
    if (!plain.ok) expect(plain.error.message).toMatch(/travel unencrypted/);
    const userInfo = await dispatch(handlers, 'settings.update', {
      apiUrl: 'https://u:p@api.messente.com/v1',
    });
    expect(userInfo.ok).toBe(false);
    if (!userInfo.ok) expect(userInfo.error.message).toMatch(/Leave the user name and password out/);
    expect((await dispatch(handlers, 'settings.update', { apiUrl: 'http://localhost:4010/v1' })).ok).toBe(
      true,
    );
    expect(reached).toHaveLength(1);
  });
});
