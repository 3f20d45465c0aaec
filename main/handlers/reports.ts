import type { Handlers } from '../../shared/contract';
import type { ExportOptions } from '../platform';
import { campaignListExport } from '../reports/campaign-list';
import { deliveryReport } from '../reports/delivery-report';
import type { HandlerContext } from './context';

export function reportHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'reports.export' | 'reports.exportCampaigns' | 'reports.cancelExport'> {
  return {
    'reports.export': ({ id, failedOnly, exportId, delimiter }) => {
      // Progress goes out only for an export the renderer named: it filters events by that id.
      const options: ExportOptions =
        exportId === undefined
          ? {}
          : { exportId, onProgress: (p) => ctx.events.emit('export.progress', { exportId, ...p }) };
      return ctx.platform.offerExport(deliveryReport(ctx.db, id, failedOnly, delimiter), options);
    },
    'reports.exportCampaigns': ({ delimiter }) =>
      ctx.platform.offerExport(campaignListExport(ctx.db, delimiter)),
    'reports.cancelExport': ({ exportId }) => ({
      cancelled: ctx.platform.cancelExport?.(exportId) ?? false,
    }),
  };
}
