// The sending engine's hot-path writes. Every request is bracketed by two commits: its rows become
// `sending` with an open send_attempts row BEFORE it leaves, and get their outcome after. Both
// kinds of write are applied in one transaction per call so that many concurrent requests share a
// commit.
import type { Db } from '../database';

export interface RowError {
  code: string;
  title: string;
  detail: string;
  source: string | null;
}

interface ResultBase {
  messageId: number;
  attemptId: number;
  at: string;
  httpStatus: number | null;
}

/** What becomes of a row after its request: final, or back to `queued` when provably not sent. */
export type RowResult =
  | (ResultBase & { kind: 'accepted'; omnimessageId: string; remoteMessageId: string | null })
  | (ResultBase & { kind: 'failed'; attemptOutcome: 'rejected' | 'retry'; error: RowError })
  | (ResultBase & { kind: 'unknown'; error: RowError })
  | (ResultBase & { kind: 'requeue'; attemptOutcome: 'retry' | 'auth'; error: RowError });

export interface Claim {
  messageId: number;
  /** Filled by commitSending: the send_attempts row, or null when the row was no longer queued. */
  attemptId: number | null;
}

export type SendingStore = ReturnType<typeof createSendingStore>;

/** Prepared once per campaign run: the hot path runs at up to hundreds of requests per second. */
export function createSendingStore(db: Db) {
  const claimRow = db.prepare(
    "UPDATE messages SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'queued'",
  );
  const openAttempt = db.prepare('INSERT INTO send_attempts (message_id, started_at) VALUES (?, ?)');
  const closeAttempt = db.prepare(
    `UPDATE send_attempts SET finished_at = ?, outcome = ?, http_status = ?, error_code = ?, error_title = ?,
       error_detail = ?, error_source = ? WHERE id = ?`,
  );
  const accept = db.prepare(
    `UPDATE messages SET state = 'accepted', omnimessage_id = ?, message_id = ?, http_status = ?, sent_at = ?,
       error_code = NULL, error_title = NULL, error_detail = NULL, error_source = NULL, schedule_cancel = NULL
     WHERE id = ? AND state = 'sending'`,
  );
  const settle = db.prepare(
    `UPDATE messages SET state = ?, http_status = ?, error_code = ?, error_title = ?, error_detail = ?,
       error_source = ? WHERE id = ? AND state = 'sending'`,
  );
  const requeue = db.prepare("UPDATE messages SET state = 'queued' WHERE id = ? AND state = 'sending'");

  const record = (r: RowResult) => {
    const error = r.kind === 'accepted' ? null : r.error;
    const outcome = r.kind === 'accepted' ? 'accepted' : r.kind === 'unknown' ? 'unknown' : r.attemptOutcome;
    closeAttempt.run(
      r.at,
      outcome,
      r.httpStatus,
      error?.code ?? null,
      error?.title ?? null,
      error?.detail ?? null,
      error?.source ?? null,
      r.attemptId,
    );
    if (r.kind === 'accepted') {
      accept.run(r.omnimessageId, r.remoteMessageId, r.httpStatus, r.at, r.messageId);
    } else if (r.kind === 'requeue') {
      requeue.run(r.messageId);
    } else {
      settle.run(
        r.kind,
        r.httpStatus,
        r.error.code,
        r.error.title,
        r.error.detail,
        r.error.source,
        r.messageId,
      );
    }
  };

  /**
   * One transaction: the finished requests' results, then the claims of the requests about to
   * leave. When it returns, the claims are durable and their requests may go.
   */
  const commit = db.transaction((results: readonly RowResult[], claims: Claim[], startedAt: string) => {
    for (const r of results) record(r);
    for (const c of claims) {
      c.attemptId =
        claimRow.run(c.messageId).changes === 1
          ? Number(openAttempt.run(c.messageId, startedAt).lastInsertRowid)
          : null;
    }
  });

  const unclaimRow = db.prepare(
    "UPDATE messages SET state = 'queued', attempts = attempts - 1 WHERE id = ? AND state = 'sending'",
  );
  const dropAttempt = db.prepare('DELETE FROM send_attempts WHERE id = ? AND finished_at IS NULL');
  /** Claims whose request never left (the run stopped first) are undone, as if never made. */
  const release = db.transaction((claims: readonly Claim[]) => {
    for (const c of claims) {
      if (c.attemptId === null) continue;
      if (dropAttempt.run(c.attemptId).changes === 1) unclaimRow.run(c.messageId);
    }
  });

  return { commit, release };
}
