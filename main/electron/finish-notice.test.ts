import { describe, expect, it } from 'vitest';
import type { CampaignProgress, StateCounts } from '../../shared/types';
import {
  finishNotice,
  LONG_CAMPAIGN_MS,
  noticeTitle,
  watchFinishes,
  type FinishNotice,
} from './finish-notice';

const counts = (partial: Partial<StateCounts> = {}): StateCounts => ({
  skipped: 0,
  queued: 0,
  sending: 0,
  accepted: 0,
  failed: 0,
  unknown: 0,
  cancelled: 0,
  ...partial,
});

const progress = (partial: Partial<CampaignProgress> = {}): CampaignProgress => ({
  campaignId: 7,
  status: 'sending',
  total: 1200,
  counts: counts({ queued: 1200 }),
  currentRate: 10,
  etaSeconds: 120,
  errors: [],
  stopReason: null,
  ...partial,
});

const done = progress({ status: 'completed', counts: counts({ accepted: 1195, failed: 3, skipped: 2 }) });
const LONG = LONG_CAMPAIGN_MS + 1;

describe('finishNotice', () => {
  it('notifies with counts when a long run goes from sending to completed', () => {
    expect(finishNotice(progress(), done, 0, LONG)).toEqual({
      campaignId: 7,
      outcome: 'completed',
      body: '1,195 of 1,200 accepted, 3 failed, 2 skipped',
    });
  });

  it('stays quiet for a short run, a pause by the operator, or a stop not coming from sending', () => {
    expect(finishNotice(progress(), done, 0, LONG_CAMPAIGN_MS)).toBeNull();
    expect(finishNotice(progress(), progress({ status: 'paused' }), 0, LONG)).toBeNull();
    expect(finishNotice(done, done, 0, LONG)).toBeNull();
    expect(finishNotice(undefined, done, 0, LONG)).toBeNull();
    expect(finishNotice(progress(), done, undefined, LONG)).toBeNull();
    expect(finishNotice(progress(), progress({ status: 'sending' }), 0, LONG)).toBeNull();
  });

  it('gives the reason when the campaign paused itself, and reports a cancel', () => {
    const stopped = progress({ status: 'paused', stopReason: 'The spending cap was reached.' });
    expect(finishNotice(progress(), stopped, 0, LONG)).toMatchObject({
      outcome: 'stopped',
      body: 'The spending cap was reached.\n0 of 1,200 accepted',
    });
    const cancelled = progress({ status: 'cancelled', counts: counts({ accepted: 10, cancelled: 1190 }) });
    expect(finishNotice(progress(), cancelled, 0, LONG)?.body).toBe('10 of 1,200 accepted, 1,190 not sent');
  });
});

describe('noticeTitle', () => {
  it('names the campaign when known', () => {
    expect(noticeTitle('completed', 'Spring offer')).toBe('“Spring offer” finished sending');
    expect(noticeTitle('cancelled', null)).toBe('Campaign was cancelled');
    expect(noticeTitle('stopped', null)).toBe('Campaign stopped: action needed');
  });
});

describe('watchFinishes', () => {
  it('times each campaign from its own start of sending and notifies once', () => {
    let clock = 1_000;
    const notices: FinishNotice[] = [];
    const listen = watchFinishes(
      (n) => notices.push(n),
      () => clock,
    );
    listen(progress({ campaignId: 1 }));
    clock += 10_000;
    listen(progress({ campaignId: 2 }));
    clock += 25_000; // campaign 1: 35 s, campaign 2: 25 s
    listen(progress({ campaignId: 1, status: 'sending' }));
    listen({ ...done, campaignId: 1 });
    listen({ ...done, campaignId: 1 }); // a later refresh of the same final state
    listen({ ...done, campaignId: 2 });
    expect(notices.map((n) => n.campaignId)).toEqual([1]);
  });

  it('restarts the clock when a paused campaign resumes', () => {
    let clock = 0;
    const notices: FinishNotice[] = [];
    const listen = watchFinishes(
      (n) => notices.push(n),
      () => clock,
    );
    listen(progress());
    clock = 40_000;
    listen(progress({ status: 'paused' }));
    clock = 100_000;
    listen(progress());
    clock = 110_000;
    listen(done);
    expect(notices).toEqual([]);
  });
});
