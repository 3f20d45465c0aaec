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
      testMode: true,
      onConfirm,
      onBack,
    });
    const dialog = screen.getByRole('dialog', { name: 'Send 1,200 messages?' });
    expect(dialog.textContent).toContain('1,200 messages, 1,300 segments, predicted cost €78.00.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back' }));
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onBack).toHaveBeenCalledOnce();
    await fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(onConfirm).toHaveBeenCalledOnce();
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
    expect(screen.getByRole('dialog').textContent).toMatch(/are delivered at .*2030/);
    await fireEvent.click(screen.getByRole('button', { name: 'Send for scheduled delivery' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
