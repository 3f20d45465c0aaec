// A campaign created with a delivery plan (each row at its own time from a time column): the
// contract refuses a plan it cannot follow, main keeps the plan and the choices for rows that
// cannot be scheduled, and campaigns.get gives them back.
import { describe, expect, it } from 'vitest';
import type { CallArgs } from '../../shared/contract';
import { DateTime } from 'luxon';
import { testPlan } from '../../shared/delivery-time/plan-test-support';
import { clinicDraft, useTestModeCore } from './test-support';

const fixture = useTestModeCore('omnicast-plan-calls-');
const call = fixture.call;

const plan = testPlan({
  column: 2,
  rule: { kind: 'before', minutes: 1440 },
  quietHours: { from: '21:00', to: '08:00' },
});

const create = (extra: Partial<CallArgs<'campaigns.create'>>) =>
  call(
    'campaigns.create',
    clinicDraft({ template: 'Hi {{name}}, see you at {{Appointment|time}}', ...extra }),
  );

describe('campaigns.create with a delivery plan', () => {
  it('keeps the plan and the choices, every group skipped when none is given', async () => {
    await fixture.start();
    const { id } = await create({ deliveryPlan: plan });
    expect(await call('campaigns.get', { id })).toMatchObject({
      deliveryPlan: plan,
      problemChoices: { unparseable: 'skip', past: 'skip', tooFar: 'skip' },
      scheduledUntil: null,
    });
    const choices = { unparseable: 'send-now', past: 'skip', tooFar: 'keep-queued' } as const;
    const other = await create({ deliveryPlan: plan, problemChoices: choices });
    expect((await call('campaigns.get', { id: other.id })).problemChoices).toEqual(choices);
  });

  it('without a plan the campaign has one time for all, and no choices', async () => {
    await fixture.start();
    const { id } = await create({});
    expect(await call('campaigns.get', { id })).toMatchObject({ deliveryPlan: null, problemChoices: null });
  });

  it('refuses a plan naming an unknown zone, a bad rule or a column the file does not have', async () => {
    await fixture.start();
    await expect(create({ deliveryPlan: { ...plan, zone: 'Europe/Atlantis' } })).rejects.toThrow(
      /deliveryPlan\.zone: a time zone name such as Europe\/Tallinn/,
    );
    await expect(
      create({ deliveryPlan: { ...plan, rule: { kind: 'day-before', days: 1, at: '25:00' } } }),
    ).rejects.toThrow(/deliveryPlan\.rule\.at: a time of day/);
    await expect(create({ deliveryPlan: { ...plan, column: 3 } })).rejects.toThrow(
      /The time column is not one of the file’s columns/,
    );
    await expect(create({ deliveryPlan: { ...plan, column: 1 } })).rejects.toThrow(/time column/);
    await expect(create({ deliveryPlan: { ...plan, countryColumn: 7 } })).rejects.toThrow(
      /The country column is not one of the file’s columns/,
    );
    expect(await call('campaigns.list', {})).toEqual([]);
  });
});

describe('campaigns.addRecipients with a delivery plan', () => {
  it("computes each row's time itself and applies the choice for its group", async () => {
    await fixture.start();
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const at = (ms: number) => new Date(now + ms).toISOString();
    const DAY = 86_400_000;
    const { id } = await create({
      deliveryPlan: { ...plan, format: 'iso', rule: { kind: 'at' }, quietHours: null },
      problemChoices: { unparseable: 'send-now', past: 'skip', tooFar: 'keep-queued' },
    });
    const times = [at(2 * DAY), at(-DAY), 'soon', at(40 * DAY)];
    await call('campaigns.addRecipients', {
      id,
      recipients: times.map((time, i) => {
        const to = `+3725123456${i}`;
        return { row: i + 1, fields: [`N${i}`, to, time], rawPhone: to, to, status: 'ok', reason: null };
      }),
    });
    const { rows } = await call('campaigns.rows', { id, offset: 0, limit: 10 });
    const sendAt = (t: string) => new Date(Date.parse(t)).toISOString();
    expect(rows[0]).toMatchObject({
      state: 'queued',
      sendAt: sendAt(times[0]!),
      timeProblem: null,
      holdUntil: null,
    });
    // The template's {{Appointment|time}} writes the row's own appointment, in Estonian words.
    expect(rows[0]?.text).toMatch(/^Hi N0, see you at \d{1,2}[:.]\d{2}$/);
    expect(rows[1]).toMatchObject({ state: 'skipped', timeProblem: 'past' });
    expect(rows[1]?.skipReason).toMatch(/has passed/);
    expect(rows[2]).toMatchObject({
      state: 'queued',
      sendAt: null,
      appointment: null,
      timeProblem: 'unparseable',
    });
    expect(rows[3]).toMatchObject({
      state: 'queued',
      sendAt: sendAt(times[3]!),
      timeProblem: 'too-far',
      holdUntil: new Date(Date.parse(times[3]!) - 30 * DAY).toISOString(),
    });
    expect(rows.every((r) => r.zone === 'Europe/Tallinn')).toBe(true);
    expect((await call('campaigns.get', { id })).scheduledUntil).toBe(sendAt(times[3]!));
  });
});

describe('a workbook time column', () => {
  it('reads a date cell from the date it holds, not from how the sheet displayed it', async () => {
    await fixture.start();
    const at = DateTime.now().setZone('Europe/Tallinn').plus({ days: 2 }).startOf('minute');
    const { id } = await create({
      deliveryPlan: { ...plan, format: 'excel', rule: { kind: 'at' }, quietHours: null },
    });
    const to = '+37251234567';
    await call('campaigns.addRecipients', {
      id,
      recipients: [
        {
          row: 1,
          fields: ['Mari', to, at.toFormat('d MMM yy')],
          dates: [null, null, at.toFormat("yyyy-MM-dd'T'HH:mm")],
          rawPhone: to,
          to,
          status: 'ok',
          reason: null,
        },
      ],
    });
    const { rows } = await call('campaigns.rows', { id, offset: 0, limit: 1 });
    expect(rows[0]).toMatchObject({ state: 'queued', sendAt: at.toUTC().toISO() });
  });
});
