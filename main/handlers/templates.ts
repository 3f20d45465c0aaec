import type { Handlers } from '../../shared/contract';
import { deleteTemplate, listTemplates, saveTemplate } from '../db/queries/templates';
import type { HandlerContext } from './context';

export function templateHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'templates.list' | 'templates.save' | 'templates.delete'> {
  return {
    'templates.list': () => listTemplates(ctx.db),
    'templates.save': (t) => saveTemplate(ctx.db, t),
    'templates.delete': ({ id }) => ({ deleted: deleteTemplate(ctx.db, id) }),
  };
}
