import type { Handlers } from '../../shared/contract';
import type { CredentialsStatus } from '../../shared/types';
import type { HandlerContext } from './context';

type CredentialHandlers = Pick<Handlers, 'credentials.status' | 'credentials.save' | 'credentials.delete'>;

// The renderer learns only whether credentials are saved and for which user: the password never
// travels back once saved.
export function credentialHandlers(ctx: HandlerContext): CredentialHandlers {
  const status = async (): Promise<CredentialsStatus> => {
    const saved = await ctx.credentials.get();
    return { saved: saved !== null, username: saved?.username ?? null, store: ctx.credentials.kind };
  };
  return {
    'credentials.status': status,
    'credentials.save': async (c) => {
      await ctx.credentials.save({ username: c.username.trim(), password: c.password });
      return status();
    },
    'credentials.delete': async () => {
      await ctx.credentials.remove();
      return status();
    },
  };
}
