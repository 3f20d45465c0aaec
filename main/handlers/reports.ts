import type { Handlers } from '../../shared/contract';
import { campaignListExport } from '../reports/campaign-list';
import { deliveryReport } from '../reports/delivery-report';
import type { HandlerContext } from './context';

export function reportHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'reports.export' | 'reports.exportCampaigns'> {
  return {
    'reports.export': ({ id, failedOnly }) =>
      ctx.platform.offerExport(deliveryReport(ctx.db, id, failedOnly)),
    'reports.exportCampaigns': () => ctx.platform.offerExport(campaignListExport(ctx.db)),
  };
}
