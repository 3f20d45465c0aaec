import type { Handlers } from '../../shared/contract';
import { readSettings, updateSettings } from '../settings/settings';
import type { HandlerContext } from './context';

export function appHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'app.info' | 'settings.get' | 'settings.update'> {
  return {
    'app.info': () => ctx.info(),
    'settings.get': () => readSettings(ctx.db),
    'settings.update': (patch) => updateSettings(ctx.db, patch),
  };
}
