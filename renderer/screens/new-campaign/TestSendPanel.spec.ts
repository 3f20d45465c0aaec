import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeApi, type FakeHandlers } from '../../testing/fake-api';
import { recipient, recipientsDraft } from '../../testing/results';
import TestSendPanel from './TestSendPanel.svelte';

const recipients = recipientsDraft({
  fileName: 'c.csv',
  headerRow: 3,
  recipients: [
    recipient(1, ['Ann', '12'], { to: null, status: 'invalid', reason: 'Too short' }),
    recipient(2, ['Bob', '5123 4568'], { to: '+37251234568' }),
  ],
});

const MESSAGE = { name: 'C', sender: ' Shop ', template: 'Hi {{name}}', autoconvert: 'full' } as const;

function setup(handlers: FakeHandlers) {
  const api = fakeApi(handlers);
  render(TestSendPanel, {
    api,
    recipients,
    message: MESSAGE,
    testMode: true,
  });
  return api;
}

describe('TestSendPanel', () => {
  it('sends the first sendable row to the number typed, in E.164, and says what happened', async () => {
    const api = setup({
      'campaigns.testSend': () => ({
        ok: true,
        omnimessageId: 'om-1',
        message: 'Test message accepted for +37251234567.',
      }),
    });
    // The spreadsheet row of the first sendable row: data row 2 + header row 3.
    expect(screen.getByRole('group', { name: 'Test message' })).toHaveTextContent('row 5');
    await fireEvent.input(screen.getByRole('textbox', { name: 'Your number' }), {
      target: { value: '5123 4567' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Send a test to my number' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('accepted'));
    // The message as typed (its sender trimmed, its name not needed), on the file's columns and the
    // first sendable row's own values.
    const { name: _name, ...message } = MESSAGE;
    const row = { columns: ['name', 'phone'], fields: ['Bob', '5123 4568'] };
    const args = { ...message, ...row, sender: 'Shop', to: '+37251234567' };
    expect(api.calls).toEqual([{ name: 'campaigns.testSend', args }]);
  });

  it('shows a refusal in plain words', async () => {
    setup({ 'campaigns.testSend': () => ({ ok: false, message: 'Messente refused the test message.' }) });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Your number' }), {
      target: { value: '+37251234567' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Send a test to my number' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('refused'));
  });

  it('asks for a valid number without calling main', async () => {
    const api = setup({});
    await fireEvent.input(screen.getByRole('textbox', { name: 'Your number' }), { target: { value: '12' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Send a test to my number' }));
    expect(screen.getByRole('status')).toHaveTextContent('is not a phone number');
    expect(api.calls).toEqual([]);
  });
});
