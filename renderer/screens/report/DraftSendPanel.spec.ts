import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { formatMoney } from '../../../shared/money';
import DraftSendPanel from './DraftSendPanel.svelte';
import { fakeApi } from '../../testing/fake-api';
import { counts, detail, settings, summary } from '../../testing/results';

const draft = detail({
  id: 9,
  status: 'draft',
  rate: 5,
  counts: counts({ queued: 3, skipped: 1 }),
  segments: 4,
  predictedCostMicros: 200_000,
});

describe('DraftSendPanel', () => {
  it('starts the draft at the default speed with a cap, after confirming count, segments and cost', async () => {
    const started = summary({ id: 9, status: 'sending', counts: counts({ queued: 3, skipped: 1 }) });
    const api = fakeApi({
      'settings.get': () => settings({ defaultRate: 25 }),
      'campaigns.start': () => started,
    });
    const onStarted = vi.fn();
    render(DraftSendPanel, { api, campaign: draft, onStarted });
    const speed = screen.getByRole<HTMLInputElement>('spinbutton', { name: /Sending speed/ });
    await waitFor(() => expect(speed.value).toBe('25'));
    await fireEvent.input(screen.getByRole('spinbutton', { name: /Spending cap/ }), {
      target: { value: '1.5' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Send 3 messages' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent(
      `3 messages (1 row skipped), 4 segments, predicted cost ${formatMoney(200_000)}`,
    );
    expect(api.callsTo('campaigns.start')).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(started));
    expect(api.callsTo('campaigns.start')).toEqual([{ id: 9, rate: 25, maxCostEur: 1.5 }]);
  });

  it('confirms with the draft’s own target, cost range and account, whatever the settings say now', async () => {
    const api = fakeApi({
      'settings.get': () => settings({ defaultRate: 10 }),
      'account.balance': () => ({ eur: 5, checkedAt: '2026-12-05T16:40:00.000Z' }),
    });
    const own = {
      ...draft,
      predictedCostMinMicros: 150_000,
      sendsTo: 'the custom API URL https://proxy.example/v1',
    };
    render(DraftSendPanel, { api, campaign: own, onStarted: () => {} });
    await fireEvent.click(screen.getByRole('button', { name: 'Send 3 messages' }));
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(dialog.textContent).toContain('€5.00'));
    expect(dialog.textContent).toContain(
      'To the custom API URL https://proxy.example/v1: 3 messages (1 row skipped), 4 segments, predicted cost €0.15–€0.20.',
    );
    expect(api.callsTo('account.balance')).toEqual([{ campaignId: 9 }]);
    expect(api.callsTo('app.info')).toEqual([]);
  });

  it('says why the start was refused and sends nothing when Back is chosen', async () => {
    const api = fakeApi({
      'settings.get': () => settings({ defaultRate: 10 }),
      'campaigns.start': () => {
        throw new Error('Predicted cost is more than the balance.');
      },
    });
    render(DraftSendPanel, { api, campaign: draft, onStarted: () => {} });
    await fireEvent.click(screen.getByRole('button', { name: 'Send 3 messages' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('campaigns.start')).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Send 3 messages' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('more than the balance');
  });

  it('schedules the draft’s delivery when a time is given', async () => {
    const started = summary({ id: 9, status: 'sending', counts: counts({ queued: 3, skipped: 1 }) });
    const api = fakeApi({
      'settings.get': () => {
        throw new Error('Settings unreadable');
      },
      'campaigns.start': () => started,
    });
    const onStarted = vi.fn();
    render(DraftSendPanel, { api, campaign: draft, onStarted });
    expect(screen.getByRole('heading', { name: 'Send this draft' })).toBeInTheDocument();
    // Without Settings, the draft's own speed stands.
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: /Sending speed/ }).value).toBe('5');
    const at = new Date(Date.now() + 86_400_000);
    at.setSeconds(0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
    await fireEvent.input(screen.getByLabelText('Deliver at (optional)'), { target: { value: local } });
    await fireEvent.click(screen.getByRole('button', { name: 'Send 3 messages' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Send for scheduled delivery' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(started));
    expect(api.callsTo('campaigns.start')).toEqual([{ id: 9, rate: 5, timeToSend: at.toISOString() }]);
  });
});
