// Specs only: a stand-in for main answering the report screen's calls about campaign 5, "Spring
// offer", in the status given, with one accepted and one failed row.
import type { CampaignStatus, MessageState } from '../../../shared/types';
import { fakeApi } from '../../testing/fake-api';
import { counts, detail, row, summary } from '../../testing/results';

export function campaignApi(status: CampaignStatus = 'sending') {
  const sending = counts({ accepted: 4, failed: 1, queued: 5 });
  return fakeApi({
    'campaigns.get': () => detail({ id: 5, name: 'Spring offer', status, total: 10, counts: sending }),
    'campaigns.rows': (args: { offset: number; states?: MessageState[] }) => {
      const rows = [row(1, 'accepted'), row(2, 'failed', { errorCode: '105', errorTitle: 'Invalid data' })];
      const shown = args.states ? rows.filter((r) => args.states?.includes(r.state)) : rows;
      return { total: shown.length, rows: shown };
    },
    'campaigns.deliveryCounts': () => ({ DELIVRD: 3, PENDING: 1 }),
    'campaigns.pause': () => summary({ id: 5, status: 'paused', counts: sending }),
    'campaigns.resume': () => summary({ id: 5, status: 'sending', counts: sending }),
    'campaigns.cancel': () =>
      summary({ id: 5, status: 'cancelled', counts: counts({ accepted: 4, failed: 1, cancelled: 5 }) }),
  });
}
