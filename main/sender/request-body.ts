// The omnimessage Messente receives for one row: the text exactly as previewed (main renders it
// before the campaign starts), the campaign's sender and autoconvert, and its schedule if any.
import type { Autoconvert } from '../../shared/types';
import type { SendableRow } from '../db/queries/sending';
import type { OmnimessageBody } from './types';

export interface BodySettings {
  sender: string;
  autoconvert: Autoconvert;
  timeToSend: string | null;
}

export function omnimessageBody(row: SendableRow, cfg: BodySettings): OmnimessageBody {
  const sms = { channel: 'sms' as const, text: row.text, autoconvert: cfg.autoconvert };
  const body: OmnimessageBody = {
    to: row.to,
    messages: [cfg.sender ? { ...sms, sender: cfg.sender } : sms],
  };
  if (cfg.timeToSend) body.time_to_send = cfg.timeToSend;
  return body;
}
