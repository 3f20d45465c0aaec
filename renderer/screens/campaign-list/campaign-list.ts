// Search and sort of the Campaigns table, kept out of the component so it is tested on its own.
import type { CampaignSummary } from '../../../shared/types';

export type SortKey = 'name' | 'status' | 'recipients' | 'sent' | 'failed' | 'cost' | 'billed' | 'created';
export type SortDirection = 'ascending' | 'descending';

/** Case-insensitive match on name, status or id ("#12" or "12"). */
export function matchesQuery(campaign: CampaignSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return (
    campaign.name.toLowerCase().includes(q) ||
    campaign.status.includes(q) ||
    `#${campaign.id}` === q ||
    String(campaign.id) === q
  );
}

/** Rows that reached Messente: what the operator calls "sent". */
export function sentCount(campaign: CampaignSummary): number {
  return campaign.counts.accepted;
}

function sortValue(c: CampaignSummary, key: SortKey): string | number {
  switch (key) {
    case 'name':
      return c.name.toLowerCase();
    case 'status':
      return c.status;
    case 'recipients':
      return c.total;
    case 'sent':
      return sentCount(c);
    case 'failed':
      return c.counts.failed;
    // Unknown costs sort below every known one, so they never look like free campaigns.
    case 'cost':
      return c.predictedCostMicros ?? -1;
    case 'billed':
      return c.billedCostMicros ?? -1;
    case 'created':
      return c.createdAt;
  }
}

/** A sorted copy; ties keep the newest campaign first so the order never looks random. */
export function sortCampaigns(
  list: readonly CampaignSummary[],
  key: SortKey,
  direction: SortDirection,
): CampaignSummary[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...list].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va < vb) return -sign;
    if (va > vb) return sign;
    return b.id - a.id;
  });
}

/** What a campaign list shows: matching campaigns in the chosen order. */
export function visibleCampaigns(
  list: readonly CampaignSummary[],
  query: string,
  key: SortKey,
  direction: SortDirection,
): CampaignSummary[] {
  return sortCampaigns(
    list.filter((c) => matchesQuery(c, query)),
    key,
    direction,
  );
}
