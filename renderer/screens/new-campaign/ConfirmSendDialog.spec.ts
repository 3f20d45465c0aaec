import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ConfirmSendDialog from './ConfirmSendDialog.svelte';

describe('ConfirmSendDialog', () => {
  it('states count, segments and cost, focuses Back, and confirms on Send now', async () => {
    const onConfirm = vi.fn();
    const onBack = vi.fn();
    render(ConfirmSendDialog, {
      messages: 1200,
      segments: 1300,
      cost: '€78.00',
      skipped: 5,
      testMode: true,
      balance: {
        target: 'the test simulator (nothing leaves this computer)',
        balanceMicros: 100_000_000,
        checkedAt: '2026-12-05T16:40:00.000Z',
        error: null,
      },
      onConfirm,
      onBack,
    });
    const dialog = screen.getByRole('dialog', { name: 'Send 1,200 messages?' });
    expect(dialog.textContent?.replace(/\s+/g, ' ')).toContain(
      'To the test simulator (nothing leaves this computer): 1,200 messages (5 rows skipped), 1,300 segments, predicted cost €78.00.',
    );
    expect(dialog).toHaveTextContent(/Balance: €100\.00 \(as of \d\d:\d\d\)/);
    const back = screen.getByRole('button', { name: 'Back' });
    const sendNow = screen.getByRole('button', { name: 'Send now' });
    expect(back).toHaveFocus();
    // Tab stays inside the dialog: from its last control to its first, and back with Shift.
    sendNow.focus();
    await fireEvent.keyDown(sendNow, { key: 'Tab' });
    expect(back).toHaveFocus();
    await fireEvent.keyDown(back, { key: 'Tab', shiftKey: true });
    expect(sendNow).toHaveFocus();
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onBack).toHaveBeenCalledOnce();
    await fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(onConfirm).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('refuses a cost the balance cannot cover unless the operator ticks "Send anyway"', async () => {
    const onConfirm = vi.fn();
    render(ConfirmSendDialog, {
      messages: 1292,
      segments: 1292,
      cost: '€87.86–€94.95',
      costMaxMicros: 94_950_000,
      testMode: false,
      balance: {
        target: 'the custom API URL https://proxy.example/v1',
        balanceMicros: 90_000_000,
        checkedAt: null,
        error: null,
      },
      onConfirm,
      onBack: vi.fn(),
    });
    expect(screen.getByRole('dialog')).toHaveTextContent(
      'To the custom API URL https://proxy.example/v1: 1,292 messages',
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'The €90.00 left on the account cannot cover the predicted cost of up to €94.95: top it up, or send to fewer recipients.',
    );
    const send = screen.getByRole('button', { name: 'Send now' }) as HTMLButtonElement;
    expect(send).toBeDisabled();
    await fireEvent.click(screen.getByRole('checkbox', { name: /Send anyway/ }));
    expect(send).toBeEnabled();
    await fireEvent.click(send);
    expect(onConfirm).toHaveBeenCalledExactlyOnceWith(true);
  });

  it('says while the balance is read, and why it is unknown', () => {
    const view = render(ConfirmSendDialog, {
      messages: 1,
      segments: 1,
      cost: '€0.06',
      testMode: false,
      onConfirm: vi.fn(),
      onBack: vi.fn(),
    });
    expect(screen.getByRole('status').textContent).toBe('Reading the balance…');
    view.unmount();
    render(ConfirmSendDialog, {
      messages: 1,
      segments: 1,
      cost: '€0.06',
      testMode: false,
      balance: { target: 'Messente', balanceMicros: null, checkedAt: null, error: 'no answer from Messente' },
      onConfirm: vi.fn(),
      onBack: vi.fn(),
    });
    expect(screen.getByRole('dialog')).toHaveTextContent('Balance unknown: no answer from Messente');
  });

  it('states the delivery time of a scheduled campaign', async () => {
    const onConfirm = vi.fn();
    render(ConfirmSendDialog, {
      messages: 3,
      segments: 3,
      cost: '€0.15',
      testMode: false,
      deliverAt: '2030-05-04T15:00:00.000Z',
      onConfirm,
      onBack: vi.fn(),
    });
    expect(screen.getByRole('dialog')).toHaveTextContent(/are delivered at .*2030/);
    await fireEvent.click(screen.getByRole('button', { name: 'Send for scheduled delivery' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });
  it('says each row is delivered at its own time, from the first to the last, instead of now', () => {
    render(ConfirmSendDialog, {
      messages: 40,
      segments: 40,
      cost: '€2.40',
      testMode: false,
      balance: { target: 'Messente', balanceMicros: null, checkedAt: null, error: 'not checked here' },
      perRow: {
        from: '2026-12-07T06:00:00Z',
        to: '2026-12-09T16:30:00Z',
        zone: 'Europe/Tallinn',
        keptQueued: 2,
      },
      onConfirm: () => {},
      onBack: () => {},
    });
    const dialog = screen.getByRole('dialog');
    const text = dialog.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain(
      "They are delivered at each row's own time, from Mon 7 Dec, 08:00 to Wed 9 Dec, 18:30 (Europe/Tallinn), and billed per segment.",
    );
    expect(text).not.toContain('They go out now');
    expect(text).toContain('2 more than 30 days ahead wait in Omnicast');
    expect(text).toContain('Omnicast must be running then');
    expect(screen.getByRole('button', { name: 'Send for scheduled delivery' })).toBeInTheDocument();
  });
});
