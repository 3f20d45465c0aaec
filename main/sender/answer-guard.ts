// Checks on what Messente answered, row by row, before it is believed: an omnimessage id already
// given to another row cannot stand for both (both rows become `unknown`, never `accepted` under a
// shared id), and a streak of failures no recipient can cause pauses the campaign (systematic.ts).
import type { Db } from '../db/database';
import { campaignOmnimessageIds, markAcceptedUnknown, requeueFailedRows } from '../db/queries/sending';
import type { RowError, RowResult } from '../db/queries/sending-store';
import { ownTitle } from './explanations';
import { FailureStreak, systematicFailure } from './systematic';
import type { SendOutcome } from './types';

export class AnswerGuard {
  private ids: Map<string, number> | null = null;
  private readonly streak = new FailureStreak();

  constructor(
    private readonly db: Db,
    private readonly campaignId: number,
    private readonly sender: string,
    /** Commits results waiting in the writer, so that an earlier row can be changed. */
    private readonly flush: () => void,
  ) {}

  /**
   * The result to record for one row, and a stop reason the first time a systematic failure
   * reaches its streak.
   */
  check(result: RowResult, outcome: SendOutcome): { result: RowResult; stop: string | null } {
    const failure = systematicFailure(outcome, this.sender);
    const tripped = this.streak.observe(failure, result.messageId, result.kind === 'failed');
    return { result: this.distinctId(result), stop: tripped?.reason ?? null };
  }

  /** At the run's end: rows failed by the streak that paused it go back to the queue. */
  requeueSystematic(): number {
    const rows = this.streak.rowsToRequeue();
    return rows.length === 0 ? 0 : requeueFailedRows(this.db, rows);
  }

  private distinctId(result: RowResult): RowResult {
    if (result.kind !== 'accepted') return result;
    this.ids ??= campaignOmnimessageIds(this.db, this.campaignId);
    const id = result.omnimessageId;
    const earlier = this.ids.get(id);
    if (earlier === undefined || earlier === result.messageId) {
      this.ids.set(id, result.messageId);
      return result;
    }
    const error = sharedIdError(id);
    this.flush();
    markAcceptedUnknown(this.db, earlier, error);
    const { omnimessageId: _id, remoteMessageId: _remote, ...base } = result;
    return { ...base, kind: 'unknown', error };
  }
}

function sharedIdError(omnimessageId: string): RowError {
  return {
    code: 'shared-id',
    title: ownTitle('shared-id'),
    detail: `Messente answered omnimessage id ${omnimessageId} for more than one row: which message it stands for cannot be told.`,
    source: null,
  };
}
