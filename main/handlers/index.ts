import type { Handlers } from '../../shared/contract';
import { appHandlers } from './app';
import { campaignHandlers } from './campaigns';
import type { HandlerContext } from './context';
import { connectionHandlers } from './connection';
import { credentialHandlers } from './credentials';
import { optOutHandlers } from './opt-outs';
import { priceHandlers } from './prices';
import { reportHandlers } from './reports';
import { templateHandlers } from './templates';

/** The one implementation of the contract; the type makes a missing handler a compile error. */
export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...credentialHandlers(ctx),
    ...templateHandlers(ctx),
    ...campaignHandlers(ctx),
    ...reportHandlers(ctx),
    ...connectionHandlers(ctx),
    ...priceHandlers(ctx),
    ...optOutHandlers(ctx),
  };
}
