// Failures no single recipient can cause (a wrong API address, a refused sender name, a TLS or DNS
// failure) would otherwise fail every row of a campaign one by one. A streak of the same one pauses
// the campaign with one sentence saying what to check, and the rows it failed go back to the queue.
// Refusals about the recipient (invalid number, blacklisted) still fail only their row.
import type { MessenteError, SendOutcome } from './types';

export interface SystematicFailure {
  /** Same signature, same cause: only a streak of one signature counts. */
  signature: string;
  /** One sentence for the operator: what is wrong and what to check. */
  reason: string;
}

/** Consecutive failures of one kind that pause the campaign. */
export const SYSTEMATIC_STREAK = 5;

const TLS = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|HANDSHAKE/i;
/** A `source` naming the recipient: `payload[to]`, `to`. */
const RECIPIENT_SOURCE = /(^|\[)to(\]|$)/;

const RESUME = 'then resume the campaign.';

function refusedField(errors: readonly MessenteError[], sender: string): SystematicFailure | null {
  const e = errors[0];
  if (!e?.source || RECIPIENT_SOURCE.test(e.source)) return null;
  const what = `${e.title}${e.detail ? `: ${e.detail}` : ''}`;
  if (/sender/i.test(e.source)) {
    const name = sender ? `the sender name "${sender}"` : "the account's default sender name";
    return {
      signature: `400:${e.code}:${e.source}`,
      reason: `Messente refused ${name} for every message (${what}): check that it is registered with Messente (or leave the sender empty for the account's default), ${RESUME}`,
    };
  }
  return {
    signature: `400:${e.code}:${e.source}`,
    reason: `Messente refused ${e.source} in every message (${what}): check the campaign's settings, ${RESUME}`,
  };
}

/**
 * The failure `outcome` stands for, if no recipient can have caused it; null otherwise (success,
 * refusals about the number, server trouble that passes).
 */
export function systematicFailure(outcome: SendOutcome, sender: string): SystematicFailure | null {
  switch (outcome.kind) {
    case 'rejected': {
      const status = outcome.httpStatus;
      if (status === 404 || status === 405) {
        return {
          signature: `http:${status}`,
          reason: `Messente answered every message with HTTP ${status} (${status === 404 ? 'not found' : 'method not allowed'}): the API address looks wrong. Check the API URL in Settings (Messente's is https://api.messente.com/v1), ${RESUME}`,
        };
      }
      // A refused item of a bulk answer (HTTP 201 as a whole) is a 400 of its own.
      return status === 400 || (status >= 200 && status < 300) ? refusedField(outcome.errors, sender) : null;
    }
    case 'retry':
      if (outcome.reason === 'dns') {
        return {
          signature: 'dns',
          reason: `The API address cannot be found (${outcome.detail}): check the API URL in Settings and the internet connection, ${RESUME}`,
        };
      }
      if (outcome.reason === 'connect' && TLS.test(outcome.detail)) {
        return {
          signature: `tls:${/\(([^)]*)\)/.exec(outcome.detail)?.[1] ?? 'tls'}`,
          reason: `The secure connection to Messente failed (${outcome.detail}): check the API URL in Settings; a proxy or antivirus inspecting HTTPS can cause this. Then resume the campaign.`,
        };
      }
      return null;
    default:
      return null;
  }
}

/** Settled rows in order: a streak of one systematic failure, and the rows it failed. */
export class FailureStreak {
  private signature: string | null = null;
  private count = 0;
  private failedRows: number[] = [];
  private tripped: SystematicFailure | null = null;

  constructor(private readonly limit = SYSTEMATIC_STREAK) {}

  /** Records one settled row; returns the failure once the streak reaches the limit (once). */
  observe(
    failure: SystematicFailure | null,
    messageId: number,
    rowFailed: boolean,
  ): SystematicFailure | null {
    if (this.tripped) {
      // Stopping: answers still arriving with the same cause are put back with the others.
      if (failure?.signature === this.tripped.signature && rowFailed) this.failedRows.push(messageId);
      return null;
    }
    if (!failure || failure.signature !== this.signature) {
      this.signature = failure?.signature ?? null;
      this.count = 0;
      this.failedRows = [];
    }
    if (!failure) return null;
    this.count += 1;
    if (rowFailed) this.failedRows.push(messageId);
    if (this.count < this.limit) return null;
    this.tripped = failure;
    return failure;
  }

  /** Rows failed by the streak that paused the campaign (none when it did not). */
  rowsToRequeue(): number[] {
    return this.tripped ? [...this.failedRows] : [];
  }
}
