import { describe, expect, it } from 'vitest';
import type { ImportedRecipient } from '../../shared/types';
import { openMemoryDatabase } from '../db/database';
import { insertCampaign } from '../db/queries/campaigns';
import { iterateMessages } from '../db/queries/messages';
import { addOptOuts } from '../db/queries/opt-outs';
import { DEFAULT_REPLACEMENTS } from '../../shared/sms';
import { addRecipients } from './recipients';

const pricing = { prices: {}, replacements: DEFAULT_REPLACEMENTS };

function draft() {
  const db = openMemoryDatabase();
  const id = insertCampaign(db, {
    name: 'Reminder',
    testMode: true,
    template: 'Hi {{name}}',
    sender: '',
    autoconvert: 'on',
    country: 'EE',
    columns: ['name', 'phone'],
    phoneColumn: 1,
    sourceFile: 'list.csv',
    rate: 10,
  });
  return { db, id };
}

const ok = (row: number, name: string, to: string): ImportedRecipient => ({
  row,
  fields: [name, to],
  rawPhone: to,
  to,
  status: 'ok',
  reason: null,
});

const states = (db: ReturnType<typeof openMemoryDatabase>, id: number) =>
  [...iterateMessages(db, id)].map((m) => [m.row, m.state, m.skipReason, m.text]);

describe('addRecipients', () => {
  it('skips numbers on the opt-out list even when the caller marked them ok', () => {
    const { db, id } = draft();
    addOptOuts(db, ['+37251234568'], 'manual');
    addRecipients(db, id, [ok(1, 'Mari', '+37251234567'), ok(2, 'Jüri', '+37251234568')], pricing);
    expect(states(db, id)).toEqual([
      [1, 'queued', null, 'Hi Mari'],
      [2, 'skipped', 'Opted out', 'Hi Jüri'],
    ]);
  });

  it('catches duplicates across batches and keeps them as skipped rows', () => {
    const { db, id } = draft();
    addRecipients(db, id, [ok(1, 'Mari', '+37251234567')], pricing);
    addRecipients(db, id, [ok(2, 'Mari again', '+37251234567')], pricing);
    expect(states(db, id)).toEqual([
      [1, 'queued', null, 'Hi Mari'],
      [2, 'skipped', 'Same number as row 2', 'Hi Mari again'],
    ]);
  });
});
