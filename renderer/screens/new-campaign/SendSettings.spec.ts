import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SendSettings from './SendSettings.svelte';

function setup(props: { messages?: number; busy?: boolean; defaultRate?: number } = {}) {
  const onSend = vi.fn();
  const view = render(SendSettings, {
    messages: props.messages ?? 40,
    segments: 41,
    cost: '€2.00',
    testMode: false,
    defaultRate: props.defaultRate ?? 20,
    busy: props.busy ?? false,
    onSend,
  });
  return { onSend, view };
}

const sendButton = (n: string) =>
  screen.getByRole<HTMLButtonElement>('button', { name: `Send ${n} messages` });
const speed = () =>
  screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Sending speed (messages per second)' });

afterEach(() => vi.useRealTimers());

describe('SendSettings', () => {
  it('sends the chosen speed and cap only after the confirmation', async () => {
    const { onSend } = setup();
    expect(speed().value).toBe('20');
    await fireEvent.input(speed(), { target: { value: '5' } });
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Spending cap (EUR)' }), {
      target: { value: '3' },
    });
    await fireEvent.click(sendButton('40'));
    const dialog = screen.getByRole('dialog', { name: 'Send 40 messages?' });
    expect(dialog).toHaveTextContent(/40 messages \(0 rows skipped\), 41 segments, predicted cost €2\.00\./);
    expect(dialog).toHaveTextContent('They go out now and are billed per segment.');
    expect(onSend).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(onSend).toHaveBeenCalledExactlyOnceWith({ rate: 5, maxCostEur: 3 });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('sends nothing on Back and refuses a bad speed, no messages, or a busy parent', async () => {
    const { onSend, view } = setup();
    sendButton('40').focus();
    await fireEvent.click(sendButton('40'));
    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onSend).not.toHaveBeenCalled();
    // Focus is back on the button that opened the question, also after Escape.
    expect(sendButton('40')).toHaveFocus();
    await fireEvent.click(sendButton('40'));
    await fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(sendButton('40')).toHaveFocus();
    await fireEvent.input(speed(), { target: { value: '500' } });
    expect(sendButton('40')).toBeDisabled();
    await fireEvent.input(speed(), { target: { value: '10' } });
    expect(sendButton('40')).toBeEnabled();
    await view.rerender({ busy: true });
    expect(sendButton('40')).toBeDisabled();
    expect(speed()).toBeDisabled();
    expect(screen.getByLabelText<HTMLInputElement>('Deliver at (optional)')).toBeDisabled();
    await view.rerender({ busy: false, messages: 0 });
    expect(sendButton('0')).toBeDisabled();
  });

  it('follows a default speed that arrives later (Settings), until it is sent', async () => {
    const { onSend, view } = setup({ defaultRate: 5 });
    await view.rerender({ defaultRate: 25 });
    expect(speed().value).toBe('25');
    await fireEvent.click(sendButton('40'));
    await fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(onSend).toHaveBeenCalledWith({ rate: 25 });
  });

  it('schedules delivery at a time on this computer’s clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2030, 4, 4, 12, 0));
    const { onSend } = setup();
    await fireEvent.input(screen.getByLabelText('Deliver at (optional)'), {
      target: { value: '2030-05-04T18:30' },
    });
    await fireEvent.click(sendButton('40'));
    expect(screen.getByRole('dialog')).toHaveTextContent(/are delivered at .*2030/);
    await fireEvent.click(screen.getByRole('button', { name: 'Send for scheduled delivery' }));
    expect(onSend).toHaveBeenCalledWith({ rate: 20, timeToSend: new Date(2030, 4, 4, 18, 30).toISOString() });
  });

  it('checks the time again on confirming: it may pass while the dialog is open', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2030, 4, 4, 12, 0));
    const { onSend } = setup();
    const field = screen.getByLabelText('Deliver at (optional)');
    await fireEvent.input(field, { target: { value: '2030-05-04T12:05' } });
    await fireEvent.click(sendButton('40'));
    vi.setSystemTime(new Date(2030, 4, 4, 12, 6));
    await fireEvent.click(screen.getByRole('button', { name: 'Send for scheduled delivery' }));
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(/^Deliver at: .* is in the past/);
    expect(sendButton('40')).toBeDisabled();
    // A new time clears the complaint.
    await fireEvent.input(field, { target: { value: '2030-05-04T13:00' } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sendButton('40')).toBeEnabled();
  });

  it('renders the parent’s header, content and actions, all inert while the dialog is open', async () => {
    const html = (text: string) => createRawSnippet(() => ({ render: () => text }));
    render(SendSettings, {
      messages: 2,
      segments: 2,
      cost: '€0.10',
      testMode: true,
      defaultRate: 20,
      busy: false,
      onSend: () => {},
      header: html('<h2>Send this draft</h2>'),
      children: html('<p role="status">Starting…</p>'),
      actions: html('<button type="button">Back</button>'),
    });
    expect(screen.getByRole('heading', { name: 'Send this draft' })).toBeInTheDocument();
    expect(screen.getByRole('status').textContent).toBe('Starting…');
    await fireEvent.click(sendButton('2'));
    // One Back button is reachable: the dialog's.
    expect(screen.getAllByRole('button', { name: 'Back' })).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Send this draft' })).not.toBeInTheDocument();
    expect(screen.getByRole('dialog')).toHaveTextContent('Test mode is on');
  });
});
