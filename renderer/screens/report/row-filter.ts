// The report table's filter controls as the screen holds them, and the `campaigns.rows` filter they
// ask main for. Unset controls are left out, so an unfiltered table asks for plain pages.
import type { RowsFilter } from '../../../shared/contract';
import type { MessageState } from '../../../shared/types';

export const ALL = 'all';

export interface RowFilterChoice {
  state: typeof ALL | MessageState;
  /** A delivery status from campaigns.deliveryCounts (PENDING included), or all. */
  deliveryStatus: string;
  /** An error code from CampaignDetail.errors, or all. */
  errorCode: string;
  billedDiffers: boolean;
}

export const NO_FILTER: RowFilterChoice = {
  state: ALL,
  deliveryStatus: ALL,
  errorCode: ALL,
  billedDiffers: false,
};

export function rowsFilter(choice: RowFilterChoice): RowsFilter {
  return {
    ...(choice.state !== ALL ? { states: [choice.state] } : {}),
    ...(choice.deliveryStatus !== ALL ? { deliveryStatuses: [choice.deliveryStatus] } : {}),
    ...(choice.errorCode !== ALL ? { errorCodes: [choice.errorCode] } : {}),
    ...(choice.billedDiffers ? { billedDiffers: true } : {}),
  };
}

/**
 * The options of a select: every key with its count, plus the current choice even when it has gone
 * from the counts (a refresh moved its rows), so the select never silently shows another value.
 */
export function optionsOf(
  counts: readonly { key: string; label: string; count: number }[],
  current: string,
): { key: string; label: string }[] {
  const options = counts.map((c) => ({ key: c.key, label: `${c.label} (${c.count})` }));
  if (current !== ALL && !counts.some((c) => c.key === current))
    options.push({ key: current, label: `${current} (0)` });
  return options;
}
