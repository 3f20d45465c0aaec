// The omnimessage Messente receives for one row: the text exactly as previewed (main renders it
// before the campaign starts), the campaign's sender and autoconvert, and its schedule if any.
import type { Autoconvert } from '../../shared/types';
import type { SendableRow } from '../db/queries/sending';
import type { OmnimessageBody, SmsBody } from './types';

export interface BodySettings {
  sender: string;
  autoconvert: Autoconvert;
  timeToSend: string | null;
}

/**
 * One SMS channel message. `autoconvert` is left out for `on`: it is Messente's default, and the
 * published API document misprints that value's enum (full/"true"/"false"), so only an absent
 * field is valid under every reading. `full` and `off` are sent when chosen. An empty sender means
 * the account's default sender name.
 */
export function smsBody(text: string, sender: string, autoconvert: Autoconvert): SmsBody {
  const sms: SmsBody = { channel: 'sms', text };
  if (sender) sms.sender = sender;
  if (autoconvert !== 'on') sms.autoconvert = autoconvert;
  return sms;
}

/**
 * A row with its own delivery time carries it, unless that time has passed by `now` (wall-clock
 * ms): then it is delivered at once, as chosen for rows whose time has passed (the others were
 * skipped before their request was built).
 */
export function omnimessageBody(row: SendableRow, cfg: BodySettings, now: number): OmnimessageBody {
  const body: OmnimessageBody = { to: row.to, messages: [smsBody(row.text, cfg.sender, cfg.autoconvert)] };
  const own = row.sendAt;
  if (own !== null) {
    if (Date.parse(own) > now) body.time_to_send = own;
  } else if (cfg.timeToSend) body.time_to_send = cfg.timeToSend;
  return body;
}
