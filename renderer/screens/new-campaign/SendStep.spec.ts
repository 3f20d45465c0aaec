import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { ComponentProps } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTotals } from '../../../shared/sms';
import { CallError } from '../../lib/api';
import type { RecipientsDraft } from './draft';
import { fakeApi, type FakeHandlers } from '../../testing/fake-api';
import { recipient, recipientsDraft, summary } from '../../testing/results';
import SendStep from './SendStep.svelte';
import { testPlan } from '../../../shared/delivery-time/plan-test-support';

type SendStepProps = ComponentProps<typeof SendStep>;

function draft(n: number): RecipientsDraft {
  const phone = (i: number) => `+3725${String(1_000_000 + i)}`;
  return recipientsDraft({
    fileName: 'big.csv',
    recipients: Array.from({ length: n }, (_, i) => recipient(i + 1, [`P${i}`, phone(i)])),
  });
}

function setup(n: number, handlers: FakeHandlers, delivery: SendStepProps['delivery'] = null) {
  const api = fakeApi(handlers);
  const onStarted = vi.fn();
  const totals = { ...createTotals(), messages: n, segments: n + 1, unpricedMessages: n };
  render(SendStep, {
    api,
    recipients: draft(n),
    message: { name: 'Spring offer', sender: 'Shop', template: 'Hi {{name}}', autoconvert: 'on' },
    pass: { flags: new Uint8Array(n), totals, skipped: 0 },
    defaultRate: 20,
    testMode: true,
    delivery,
    onBack: () => {},
    onStarted,
  });
  return { api, onStarted };
}

afterEach(() => vi.useRealTimers());

describe('SendStep', () => {
  it('confirms, creates the campaign, uploads recipients in batches and starts it', async () => {
    const { api, onStarted } = setup(12_000, {
      'campaigns.create': () => ({ id: 7 }),
      'campaigns.addRecipients': (a) => ({
        added: a.recipients.length,
        total: 0,
      }),
      'campaigns.start': () => summary({ status: 'sending' }),
    });
    expect(screen.getByRole('heading', { name: 'Send' })).toBeInTheDocument();
    expect(screen.getByText(/Takes about 10 min/)).toBeInTheDocument();
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Sending speed (messages per second)' }), {
      target: { value: '50' },
    });
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Spending cap (EUR)' }), {
      target: { value: '12.5' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Send 12,000 messages' }));
    const dialog = screen.getByRole('dialog');
    // The step behind the dialog is hidden from assistive technology: one Back button, the dialog's.
    expect(screen.getAllByRole('button', { name: 'Back' })).toHaveLength(1);
    expect(dialog).toHaveTextContent(
      /12,000 messages \(\d+ rows skipped\), 12,001 segments, predicted cost unknown/,
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(7));
    const sizes = api.calls
      .filter((c) => c.name === 'campaigns.addRecipients')
      .map((c) => (c.args as { recipients: unknown[] }).recipients.length);
    expect(sizes).toEqual([5_000, 5_000, 2_000]);
    expect(api.calls.find((c) => c.name === 'campaigns.create')?.args).toMatchObject({
      name: 'Spring offer',
      phoneColumn: 1,
      country: 'EE',
      sourceFile: 'big.csv',
    });
    expect(api.calls.at(-1)).toEqual({
      name: 'campaigns.start',
      args: { id: 7, rate: 50, maxCostEur: 12.5 },
    });
  });

  it('says in plain words what went wrong', async () => {
    const { onStarted } = setup(3, {
      'campaigns.create': () => {
        throw new CallError('Add your Messente username and password in Settings.', 'no_credentials');
      },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Send 3 messages' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Add your Messente username and password in Settings.',
    );
    expect(onStarted).not.toHaveBeenCalled();
  });
  it('passes an optional delivery time on this computer’s clock to the start call, and refuses a past one', async () => {
    const { api, onStarted } = setup(2, {
      'campaigns.create': () => ({ id: 9 }),
      'campaigns.addRecipients': () => ({ added: 2, total: 2 }),
      'campaigns.start': () => summary({ status: 'sending' }),
    });
    const field = screen.getByLabelText('Deliver at (optional)');
    await fireEvent.input(field, { target: { value: '2020-01-01T10:00' } });
    expect(screen.getByText(/in the past/)).toBeInTheDocument();
    const send = screen.getByRole('button', { name: 'Send 2 messages' }) as HTMLButtonElement;
    expect(send).toBeDisabled();
    const soon = new Date(Date.now() + 2 * 86_400_000);
    soon.setSeconds(0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}T${pad(soon.getHours())}:${pad(soon.getMinutes())}`;
    await fireEvent.input(field, { target: { value: local } });
    expect(screen.getByText(/Messente holds the messages and delivers them at/)).toBeInTheDocument();
    expect(send).toBeEnabled();
    await fireEvent.click(send);
    await fireEvent.click(screen.getByRole('button', { name: 'Send for scheduled delivery' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(9));
    expect(api.calls.at(-1)).toEqual({
      name: 'campaigns.start',
      args: { id: 9, rate: 20, timeToSend: soon.toISOString() },
    });
  });

  it('checks the delivery time again before starting: it may pass while the rows upload', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2030, 4, 4, 12, 0));
    const { api, onStarted } = setup(2, {
      'campaigns.create': () => ({ id: 11 }),
      'campaigns.addRecipients': () => {
        vi.setSystemTime(new Date(2030, 4, 4, 12, 10));
        return { added: 2, total: 2 };
      },
      'campaigns.start': () => summary({ status: 'sending' }),
    });
    await fireEvent.input(screen.getByLabelText('Deliver at (optional)'), {
      target: { value: '2030-05-04T12:05' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Send 2 messages' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Send for scheduled delivery' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Deliver at: .* is in the past.* The campaign is kept as a draft in Campaigns; nothing was sent\.$/,
    );
    // The confirmation read the target and balance first; then the campaign calls.
    expect(api.calls.map((c) => c.name).filter((n) => n.startsWith('campaigns.'))).toEqual([
      'campaigns.create',
      'campaigns.addRecipients',
    ]);
    expect(onStarted).not.toHaveBeenCalled();
  });
  it('hands main the delivery plan and the choices, asks no one time, and confirms each row at its own time', async () => {
    const plan = testPlan({
      column: 0,
      rule: { kind: 'before', minutes: 1440 },
      quietHours: { from: '21:00', to: '08:00' },
    });
    const choices = { unparseable: 'skip', past: 'send-now', tooFar: 'skip' } as const;
    const deliverySummary = {
      messages: 2,
      skipped: 0,
      sentNow: 0,
      keptQueued: 0,
      from: '2026-12-07T07:00:00Z',
      to: '2026-12-08T08:00:00Z',
    };
    const { api, onStarted } = setup(
      2,
      {
        'campaigns.create': () => ({ id: 11 }),
        'campaigns.addRecipients': () => ({ added: 2, total: 2 }),
        'campaigns.start': () => summary({ status: 'sending' }),
      },
      { plan, choices, summary: deliverySummary },
    );
    expect(screen.queryByLabelText(/Deliver at/)).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Send 2 messages' }));
    expect(screen.getByRole('dialog')).toHaveTextContent(
      "delivered at each row's own time, from Mon 7 Dec, 09:00 to Tue 8 Dec, 10:00 (Europe/Tallinn)",
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Send for scheduled delivery' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(11));
    expect(api.calls.find((c) => c.name === 'campaigns.create')?.args).toMatchObject({
      deliveryPlan: plan,
      problemChoices: choices,
    });
    expect(api.calls.at(-1)).toEqual({ name: 'campaigns.start', args: { id: 11, rate: 20 } });
  });
});
