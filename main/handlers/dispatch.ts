import {
  isCallName,
  parseCallArgs,
  type CallName,
  type Envelope,
  type Handlers,
} from '../../shared/contract';
import { UserError } from '../errors';

export interface DispatchOptions {
  /** Where unexpected errors go (never to the caller: they may hold paths or internals). */
  logError?: (name: string, error: unknown) => void;
}

/**
 * The single entry point of both transports: the name and arguments arrive as `unknown`, are
 * validated against the contract, and only then reach a handler. Errors come back enveloped.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawArgs: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown_call', message: 'Unknown call.' } };
  }
  const parsed = parseCallArgs(name, rawArgs);
  if (!parsed.ok) return { ok: false, error: { code: 'invalid_arguments', message: parsed.message } };
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    return { ok: true, result: await handler(parsed.args) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: { code: error.code, message: error.message } };
    options.logError?.(name satisfies CallName, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong inside Omnicast. Nothing was lost; please try again.',
      },
    };
  }
}
