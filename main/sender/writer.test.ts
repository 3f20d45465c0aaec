import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RowResult } from '../db/queries/sending-store';
import { CLAIM_AHEAD_MS } from './claim-ahead';
import { ResultWriter, type ResultStore } from './writer';

const accepted = (messageId: number): RowResult => ({
  kind: 'accepted',
  messageId,
  attemptId: messageId,
  at: '2026-01-01T00:00:00.000Z',
  httpStatus: 201,
  omnimessageId: `o-${messageId}`,
  remoteMessageId: null,
});

/** A store that records each commit's results and claims instead of writing them. */
function recordingStore() {
  const commits: { results: number[]; claims: number[] }[] = [];
  const store: ResultStore = {
    commit: (results, claims) => {
      commits.push({ results: results.map((r) => r.messageId), claims: claims.map((c) => c.messageId) });
    },
    release: () => {},
  };
  return { store, commits };
}

/** A writer over the recording store, on a clock the test moves. */
function writerAt(clock: { now: number }) {
  const { store, commits } = recordingStore();
  const writer = new ResultWriter(
    store,
    (e) => expect.fail(String(e)),
    undefined,
    () => clock.now,
  );
  return { writer, commits };
}

describe('ResultWriter', () => {
  it('keeps results for the next claims’ commit while claims come every claim horizon', () => {
    const clock = { now: 0 };
    const { writer, commits } = writerAt(clock);
    writer.add(accepted(1));
    clock.now = 40;
    writer.add(accepted(2));
    // The loop wakes to send several times before the next claims: no commit of their own.
    for (clock.now = 60; clock.now <= CLAIM_AHEAD_MS; clock.now += 20) writer.flushIfDue();
    expect(commits).toEqual([]);
    writer.commit([{ messageId: 3, attemptId: null }], '2026-01-01T00:00:00.200Z');
    expect(commits).toEqual([{ results: [1, 2], claims: [3] }]);
  });

  it('commits results on their own once they waited past the claim horizon (a slow pace)', () => {
    const clock = { now: 1_000 };
    const { writer, commits } = writerAt(clock);
    writer.add(accepted(1));
    clock.now += 2 * CLAIM_AHEAD_MS;
    writer.flushIfDue();
    expect(commits).toEqual([{ results: [1], claims: [] }]);
    writer.release([]);
    expect(commits).toHaveLength(1);
  });

  describe('with its own timer', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('leaves a slow pace’s results to a send’s wake-up rather than a wake-up of its own', () => {
      const clock = { now: 0 };
      const { writer, commits } = writerAt(clock);
      writer.add(accepted(1));
      // A send every 100 ms (10/s), claims a second apart: the loop wakes anyway at each send.
      for (const at of [70, 170, 270]) {
        vi.advanceTimersByTime(at - clock.now);
        clock.now = at;
        expect(commits).toEqual([]);
        writer.flushIfDue();
      }
      expect(commits).toEqual([{ results: [1], claims: [] }]);
      vi.advanceTimersByTime(1_000);
      expect(commits).toHaveLength(1);
    });

    it('commits waiting results by itself when the loop does not wake', () => {
      const { writer, commits } = writerAt({ now: 0 });
      writer.add(accepted(1));
      vi.advanceTimersByTime(2 * CLAIM_AHEAD_MS);
      expect(commits).toEqual([]);
      vi.advanceTimersByTime(CLAIM_AHEAD_MS);
      expect(commits).toEqual([{ results: [1], claims: [] }]);
    });
  });
});
