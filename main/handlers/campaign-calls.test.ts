// The wizard's and report's newer campaign calls through createCore and dispatch, in test mode (the
// in-process simulator answers): test send, opt-out numbers, header row and grouped errors.
import { describe, expect, it } from 'vitest';
import type { CallArgs } from '../../shared/contract';
import { importRecipients } from '../../shared/import';
import { compileTemplate, parseReplacementTable, previewRow } from '../../shared/sms';
import { dispatch } from './dispatch';
import { useTestModeCore } from './test-support';

const fixture = useTestModeCore('omnicast-campaign-calls-');
const call = fixture.call;
const testModeCore = fixture.start;

const COLUMNS = ['name', 'phone'];
const testArgs = (over: Partial<CallArgs<'campaigns.testSend'>> = {}): CallArgs<'campaigns.testSend'> => ({
  template: 'Hi {{name}}!',
  columns: COLUMNS,
  fields: ['Ann', '+37251234567'],
  to: '+37251234567',
  sender: 'Shop',
  autoconvert: 'on',
  ...over,
});

describe('campaigns.testSend', () => {
  it('sends one message through the test-mode simulator and names its omnimessage', async () => {
    await testModeCore();
    const result = await call('campaigns.testSend', testArgs());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.omnimessageId).toMatch(/\S/);
    expect(result.message).toContain('+37251234567');
    // Not a campaign: nothing is stored as rows.
    expect(await call('campaigns.list', {})).toEqual([]);
  });

  it('says in plain words why Messente refused it', async () => {
    await testModeCore();
    const result = await call('campaigns.testSend', testArgs({ sender: 'My Shop!' }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('refused') });
  });

  it('names a template error instead of sending', async () => {
    await testModeCore();
    const result = await call('campaigns.testSend', testArgs({ template: 'Hi {{nobody}}' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('template');
  });

  it('refuses a number that is not in international form', async () => {
    await testModeCore();
    const envelope = await dispatch(fixture.core.handlers, 'campaigns.testSend', {
      ...testArgs(),
      to: '5123 4567',
    });
    expect(envelope.ok).toBe(false);
  });
});

describe('optOuts.numbers', () => {
  it('lists every opted-out number in E.164', async () => {
    await testModeCore();
    expect(await call('optOuts.numbers', {})).toEqual([]);
    await call('optOuts.add', { phones: ['5123 4567', '+37251234568'], defaultCountry: 'EE' });
    expect((await call('optOuts.numbers', {})).sort()).toEqual(['+37251234567', '+37251234568']);
  });
});

describe('campaign detail', () => {
  const CSV = ['Customer list', 'name,phone', 'Ann,+37251234567', 'Bob,+37251234568', ''].join('\n');

  async function campaignFrom(sender: string, headerRow?: number): Promise<number> {
    const imported = importRecipients(new TextEncoder().encode(CSV), {
      fileName: 'c.csv',
      defaultCountry: 'EE',
    });
    if (!imported.ok) throw new Error(imported.error);
    const { id } = await call('campaigns.create', {
      name: 'C',
      template: 'Hi {{name}}',
      sender,
      autoconvert: 'on',
      country: 'EE',
      columns: imported.result.header,
      phoneColumn: imported.result.phoneColumn,
      sourceFile: 'c.csv',
      ...(headerRow === undefined ? {} : { headerRow }),
    });
    await call('campaigns.addRecipients', { id, recipients: imported.result.recipients });
    return id;
  }

  it('keeps the header row given at creation, 1 when none is given', async () => {
    await testModeCore();
    expect((await call('campaigns.get', { id: await campaignFrom('Shop', 2) })).headerRow).toBe(2);
    expect((await call('campaigns.get', { id: await campaignFrom('Shop') })).headerRow).toBe(1);
  });

  it('groups a finished campaign’s failed rows by error code with their explanation', async () => {
    await testModeCore();
    const id = await campaignFrom('Bad sender!');
    expect((await call('campaigns.get', { id })).errors).toEqual([]);
    await call('campaigns.start', { id, rate: 50 });
    const final = await fixture.core.sender.whenSettled(id);
    expect(final.counts.failed).toBe(2);
    const detail = await call('campaigns.get', { id });
    expect(detail.status).toBe('completed');
    expect(detail.errors).toEqual([
      { code: '105', title: 'Invalid data', count: 2, explanation: expect.stringContaining('sender name') },
    ]);
  });

  it('stores the cost and encoding the wizard predicts from prices.get and replacements.get', async () => {
    await testModeCore();
    await call('prices.set', { country: 'EE', price: '0.0512' });
    await call('replacements.set', { text: 'ë => e' });
    const prices = await call('prices.get', {});
    const { table } = parseReplacementTable((await call('replacements.get', {})).text);
    const { id } = await call('campaigns.create', {
      name: 'P',
      template: 'Hi {{name}} ’',
      sender: 'Shop',
      autoconvert: 'on',
      country: 'EE',
      columns: COLUMNS,
      phoneColumn: 1,
      sourceFile: 'p.csv',
    });
    const fields = ['Zoë', '+37251234567'];
    await call('campaigns.addRecipients', {
      id,
      recipients: [{ row: 1, fields, rawPhone: fields[1]!, to: fields[1]!, status: 'ok', reason: null }],
    });
    const compiled = compileTemplate('Hi {{name}} ’', COLUMNS);
    if (!compiled.ok) throw new Error('template');
    const predicted = previewRow(compiled.template, fields, fields[1]!, {
      autoconvert: 'on',
      prices: prices.table,
      table,
    });
    const [stored] = (await call('campaigns.rows', { id, offset: 0, limit: 1 })).rows;
    // The saved table replaced the default one: ’ is no longer converted, so the row is UCS-2.
    expect(predicted.encoding).toBe('UCS-2');
    expect(stored).toMatchObject({
      encoding: predicted.encoding,
      segments: predicted.segments,
      predictedCostMicros: predicted.costMaxMicros,
    });
    expect(predicted.costMaxMicros).toBe(51_200);
  });
});
