// The names of every call and event between renderer and main. Kept free of imports so that the
// sandboxed preload can bundle it without pulling in the validation library.

export const CALL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'credentials.status',
  'credentials.save',
  'credentials.delete',
  'templates.list',
  'templates.save',
  'templates.delete',
  'campaigns.list',
  'campaigns.get',
  'campaigns.create',
  'campaigns.addRecipients',
  'campaigns.rows',
  'campaigns.start',
  'campaigns.pause',
  'campaigns.resume',
  'campaigns.cancel',
  'campaigns.cancelRows',
  'campaigns.refreshStatuses',
  'campaigns.cancelRefresh',
  'campaigns.retryFailed',
  'campaigns.deliveryCounts',
  'campaigns.testSend',
  'campaigns.markUnknown',
  'reports.export',
  'reports.exportCampaigns',
  'reports.cancelExport',
  'credentials.test',
  'account.balance',
  'prices.get',
  'prices.fetch',
  'prices.import',
  'prices.set',
  'replacements.get',
  'replacements.set',
  'optOuts.list',
  'optOuts.numbers',
  'optOuts.add',
  'optOuts.remove',
  'optOuts.import',
  'optOuts.export',
  'optOuts.sync',
] as const;

export type CallName = (typeof CALL_NAMES)[number];

// 'app.command': a native menu item (desktop only) asking the window to do something.
// 'status.progress': a running delivery status refresh (see campaigns.refreshStatuses).
// 'export.progress': a running desktop export of a report (see reports.export's exportId).
export const EVENT_NAMES = [
  'campaign.progress',
  'app.command',
  'status.progress',
  'export.progress',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && (CALL_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
