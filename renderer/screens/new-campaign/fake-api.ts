// A stand-in for main in component specs: answers calls from a table and records them.
import type { CallName, OmnicastApi } from '../../../shared/contract';

export type FakeHandlers = Partial<Record<CallName, (args: unknown) => unknown>>;

export function fakeApi(
  handlers: FakeHandlers,
): OmnicastApi & { calls: { name: CallName; args: unknown }[] } {
  const calls: { name: CallName; args: unknown }[] = [];
  return {
    calls,
    async call(name, args) {
      calls.push({ name, args });
      const handler = handlers[name];
      if (!handler) throw new Error(`no fake for ${name}`);
      // The table is typed loosely on purpose: each spec supplies only the calls it needs.
      return (await handler(args)) as never;
    },
    on: () => () => {},
  };
}
