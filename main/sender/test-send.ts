// The operator's test send: the first row's message to their own number, before the campaign. One
// request, never retried (like every send, a lost answer may still have been delivered), and kept
// out of the campaign's rows; the result is said in one plain sentence.
import type { TestSendResult } from '../../shared/contract/results';
import type { Autoconvert } from '../../shared/types';
import { authStopReason } from './outcomes';
import { smsBody } from './request-body';
import type { SendClient, SendOutcome } from './types';

export interface TestMessage {
  to: string;
  text: string;
  /** Empty: the account's default sender. */
  sender: string;
  autoconvert: Autoconvert;
}

export async function sendTestMessage(client: SendClient, m: TestMessage): Promise<TestSendResult> {
  let outcome: SendOutcome;
  try {
    outcome = await client.sendOmnimessage({
      to: m.to,
      messages: [smsBody(m.text, m.sender, m.autoconvert)],
    });
  } catch (error) {
    return { ok: false, message: `The test message to ${m.to} failed unexpectedly: ${String(error)}` };
  }
  return describe(outcome, m.to);
}

function describe(outcome: SendOutcome, to: string): TestSendResult {
  switch (outcome.kind) {
    case 'accepted':
      return {
        ok: true,
        omnimessageId: outcome.omnimessageId,
        message: `Test message accepted by Messente for ${to} (omnimessage ${outcome.omnimessageId}): check your phone.`,
      };
    case 'rejected': {
      const e = outcome.errors[0];
      const why = e ? `${e.title}: ${e.detail}` : `HTTP ${outcome.httpStatus}`;
      return { ok: false, message: `Messente refused the test message to ${to} (${why}).` };
    }
    case 'auth':
      return { ok: false, message: authStopReason(outcome.httpStatus) };
    case 'retry':
      return { ok: false, message: `The test message to ${to} was not sent: ${outcome.detail}.` };
    case 'unknown':
      return {
        ok: false,
        message: `No answer about the test message to ${to} (${outcome.detail}): it may or may not have been sent.`,
      };
  }
}
