import type { Handlers } from '../../shared/contract';
import { deliveryReport } from '../reports/delivery-report';
import type { HandlerContext } from './context';

export function reportHandlers(ctx: HandlerContext): Pick<Handlers, 'reports.export'> {
  return {
    'reports.export': ({ id, failedOnly }) => ctx.platform.offerExport(deliveryReport(ctx.db, id, failedOnly)),
  };
}
