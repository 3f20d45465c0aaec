// Turns what the client reported into what becomes of each row. The one rule that matters most:
// only an outcome that was provably not processed (`retry`, `auth`) puts a row back in the queue;
// anything that may have reached Messente is `accepted` or `unknown`, never sent again by itself.
import type { RowError, RowResult } from '../db/queries/sending-store';
import { ownTitle } from './explanations';
import type { BulkItemOutcome, BulkOutcome, MessenteError, SendOutcome } from './types';
import { errorMessage } from '../../shared/errors';

export interface Ticket {
  messageId: number;
  attemptId: number;
}

export type RetryReason = Extract<SendOutcome, { kind: 'retry' }>['reason'];

export function authStopReason(httpStatus: number): string {
  return httpStatus === 403
    ? 'Messente refused the API credentials (403): check the API key’s IP allow-list in Messente’s dashboard (allow your address, or 0.0.0.0/0 on a changing connection), then the API username and password in Settings.'
    : `Messente refused the API credentials (${httpStatus}): check the API username and password in Settings (not the dashboard login).`;
}

function firstError(errors: readonly MessenteError[], fallback: RowError): RowError {
  const e = errors[0];
  if (!e) return fallback;
  return { code: String(e.code), title: e.title, detail: e.detail, source: e.source ?? null };
}

/** Our code for a retryable failure, as stored when we give up on it. */
export function retryCode(reason: RetryReason): string {
  return reason === 'connect' || reason === 'dns' ? 'network' : reason;
}

/**
 * The row's result for a whole-request outcome. `retriesLeft` false turns a retryable outcome into
 * a final `failed` with a plain reason.
 */
export function rowResult(
  outcome: SendOutcome,
  t: Ticket,
  at: string,
  retriesLeft: boolean,
  tries: number,
): RowResult {
  if (outcome.kind === 'accepted') {
    // Every answer of a steady campaign passes here: written out, not spread from a shared base
    // (nor building one), so that all accepted results share one shape and reading them stays a
    // cached lookup.
    return {
      messageId: t.messageId,
      attemptId: t.attemptId,
      at,
      httpStatus: outcome.httpStatus,
      kind: 'accepted',
      omnimessageId: outcome.omnimessageId,
      remoteMessageId: outcome.messageIds[0] ?? null,
    };
  }
  const base = { messageId: t.messageId, attemptId: t.attemptId, at, httpStatus: outcome.httpStatus };
  switch (outcome.kind) {
    case 'rejected':
      return {
        ...base,
        kind: 'failed',
        attemptOutcome: 'rejected',
        error: firstError(outcome.errors, {
          code: String(outcome.httpStatus),
          title: 'Refused',
          detail: `Messente refused the message (HTTP ${outcome.httpStatus}) without saying why.`,
          source: null,
        }),
      };
    case 'auth':
      return {
        ...base,
        kind: 'requeue',
        attemptOutcome: 'auth',
        error: firstError(outcome.errors, {
          code: outcome.httpStatus === 401 ? '103' : '102',
          title: outcome.httpStatus === 401 ? 'Unauthorized' : 'Forbidden',
          detail: authStopReason(outcome.httpStatus),
          source: null,
        }),
      };
    case 'retry': {
      const code = retryCode(outcome.reason);
      if (retriesLeft) {
        return {
          ...base,
          kind: 'requeue',
          attemptOutcome: 'retry',
          error: { code, title: ownTitle(code), detail: outcome.detail, source: null },
        };
      }
      return {
        ...base,
        kind: 'failed',
        attemptOutcome: 'retry',
        error: {
          code,
          title: ownTitle(code),
          detail: `Not sent: gave up after ${tries} attempts. Last problem: ${outcome.detail}`,
          source: null,
        },
      };
    }
    case 'unknown':
      return {
        ...base,
        kind: 'unknown',
        error: {
          code: outcome.reason,
          title: ownTitle(outcome.reason),
          detail: outcome.detail,
          source: null,
        },
      };
  }
}

/** One item of a bulk reply, as if it had been a single request's outcome. */
export function itemOutcome(item: BulkItemOutcome, httpStatus: number): SendOutcome {
  return item.kind === 'accepted'
    ? { kind: 'accepted', httpStatus, omnimessageId: item.omnimessageId, messageIds: item.messageIds }
    : { kind: 'rejected', httpStatus, errors: item.errors };
}

/** A thrown client error: we cannot know whether the request left, so the row is `unknown`. */
export function thrownOutcome(error: unknown): SendOutcome {
  return {
    kind: 'unknown',
    reason: 'bad-response',
    httpStatus: null,
    detail: `The request failed unexpectedly: ${errorMessage(error)}`,
  };
}

/** Exponential back-off with jitter: 0.5 s, 1 s, 2 s, … up to 30 s, each between 50% and 100%. */
export function backoffMs(
  tries: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, tries - 1));
  return Math.max(retryAfterMs ?? 0, Math.round(base * (0.5 + random() / 2)));
}

/** A bulk answer must speak of every message sent; one that does not proves nothing about any. */
export function checkItemCount(outcome: SendOutcome | BulkOutcome, sent: number): SendOutcome | BulkOutcome {
  if (outcome.kind !== 'items' || outcome.items.length === sent) return outcome;
  return {
    kind: 'unknown',
    reason: 'bad-response',
    httpStatus: outcome.httpStatus,
    detail: `Messente answered for ${outcome.items.length} of the ${sent} messages of one request.`,
  };
}
