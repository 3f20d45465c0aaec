import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../testing/fake-api';
import ConnectionPanel from './ConnectionPanel.svelte';

describe('ConnectionPanel', () => {
  it('tests the connection and shows the balance', async () => {
    const api = fakeApi({ 'credentials.test': () => ({ ok: true, balanceEur: 12.5 }) });
    render(ConnectionPanel, { api, testMode: false });
    await fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected.')).toBeInTheDocument();
    expect(screen.getByTestId('balance').textContent).toBe('€12.50');
    expect(api.callsTo('credentials.test')).toEqual([{}]);
  });

  it('shows main’s explanation of a refusal', async () => {
    const message =
      'Messente refused the API username or password (401). Use the API credentials, not your dashboard login.';
    const api = fakeApi({ 'credentials.test': () => ({ ok: false, message }) });
    render(ConnectionPanel, { api, testMode: false });
    await fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByTestId('balance')).not.toBeInTheDocument();
  });

  it('reads the balance on demand', async () => {
    const api = fakeApi({ 'account.balance': () => ({ eur: 3 }) });
    render(ConnectionPanel, { api, testMode: true });
    expect(screen.getByText(/simulator answers/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Show balance' }));
    expect((await screen.findByTestId('balance')).textContent).toBe('€3.00');
  });

  it('never leaves an old balance above the error of a new reading', async () => {
    let fail = false;
    const api = fakeApi({
      'account.balance': () => {
        if (fail) throw new Error('The balance could not be read: getaddrinfo ENOTFOUND');
        return { eur: 100, checkedAt: '2026-12-05T16:40:00.000Z' };
      },
    });
    render(ConnectionPanel, { api, testMode: false });
    await fireEvent.click(screen.getByRole('button', { name: 'Show balance' }));
    expect((await screen.findByTestId('balance')).textContent).toBe('€100.00');
    expect(screen.getByText(/^as of \d\d:\d\d$/)).toBeInTheDocument();
    fail = true;
    await fireEvent.click(screen.getByRole('button', { name: 'Show balance' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('ENOTFOUND');
    expect(screen.queryByTestId('balance')).not.toBeInTheDocument();
  });

  it('says what could not be done when main throws, and is ready again', async () => {
    const api = fakeApi({
      'credentials.test': () => {
        throw new Error('no network');
      },
      'account.balance': () => {
        throw new Error('timed out');
      },
    });
    render(ConnectionPanel, { api, testMode: false });
    await fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not test the connection: no network');
    const balance = screen.getByRole<HTMLButtonElement>('button', { name: 'Show balance' });
    expect(balance).toBeEnabled();
    await fireEvent.click(balance);
    expect(await screen.findByText('Could not read the balance: timed out')).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});
