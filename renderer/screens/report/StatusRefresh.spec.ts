import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { StatusRefreshProgress } from '../../../shared/contract';
import StatusRefresh from './StatusRefresh.svelte';
import { fakeApi } from '../../testing/fake-api';

const settle = () => new Promise((r) => setTimeout(r, 0));

function tick(partial: Partial<StatusRefreshProgress> = {}): StatusRefreshProgress {
  return {
    campaignId: 5,
    checked: 0,
    total: 40,
    changed: 0,
    done: false,
    cancelled: false,
    error: null,
    ...partial,
  };
}

function setup(handlers: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'campaigns.refreshStatuses': () => ({ started: true, total: 40 }),
    'campaigns.cancelRefresh': () => ({ cancelled: true }),
    ...handlers,
  });
  let done = 0;
  render(StatusRefresh, { api, campaignId: 5, disabled: false, onDone: () => done++ });
  return { api, done: () => done };
}

const bar = () => screen.queryByRole('progressbar', { name: 'Status refresh progress' });

describe('StatusRefresh', () => {
  it('starts a refresh, follows its progress and reports the end', async () => {
    const { api, done } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh statuses' }));
    await settle();
    expect(api.callsTo('campaigns.refreshStatuses')).toEqual([{ id: 5 }]);
    expect(bar()).toHaveAttribute('max', '40');
    expect(screen.getByText('checked 0 of 40')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refresh statuses' })).not.toBeInTheDocument();

    api.emit('status.progress', tick({ checked: 12, changed: 3 }));
    api.emit('status.progress', tick({ campaignId: 6, checked: 39 })); // another campaign's
    await settle();
    expect(bar()).toHaveAttribute('value', '12');
    expect(screen.getByText('checked 12 of 40')).toBeInTheDocument();
    expect(done()).toBe(0);

    api.emit('status.progress', tick({ checked: 40, changed: 9, done: true }));
    await settle();
    expect(bar()).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Status refresh result' }).textContent).toBe(
      'Checked 40 statuses: 9 changed.',
    );
    expect(done()).toBe(1);
    expect(screen.getByRole('button', { name: 'Refresh statuses' })).toBeInTheDocument();
  });

  it('cancels the running refresh', async () => {
    const { api, done } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh statuses' }));
    api.emit('status.progress', tick({ checked: 7 }));
    await settle();
    const cancel = screen.getByRole('button', { name: 'Cancel refresh' });
    await fireEvent.click(cancel);
    await settle();
    expect(api.callsTo('campaigns.cancelRefresh')).toEqual([{ id: 5 }]);
    expect(cancel as HTMLButtonElement).toBeDisabled();
    api.emit('status.progress', tick({ checked: 9, done: true, cancelled: true }));
    await settle();
    expect(screen.getByRole('status', { name: 'Status refresh result' }).textContent).toBe(
      'Refresh cancelled after 9 of 40.',
    );
    expect(done()).toBe(1);
  });

  it('shows a refresh that was already running when the screen opened', async () => {
    const { api } = setup();
    api.emit('status.progress', tick({ checked: 20 }));
    await settle();
    expect(screen.getByText('checked 20 of 40')).toBeInTheDocument();
    expect(api.callsTo('campaigns.refreshStatuses')).toEqual([]);
  });

  it('says when no status could be checked, and when the call itself fails', async () => {
    const { api } = setup({
      'campaigns.refreshStatuses': () => {
        throw new Error('There is no campaign 5.');
      },
    });
    api.emit(
      'status.progress',
      tick({ checked: 40, done: true, error: 'Delivery statuses could not be checked: timeout' }),
    );
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Delivery statuses could not be checked: timeout');
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh statuses' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not refresh delivery statuses: There is no campaign 5.',
    );
    expect(bar()).not.toBeInTheDocument();
  });

  it('is disabled when nothing was accepted', () => {
    render(StatusRefresh, { api: fakeApi({}), campaignId: 5, disabled: true, onDone: () => {} });
    expect(screen.getByRole('button', { name: 'Refresh statuses' }) as HTMLButtonElement).toBeDisabled();
  });
});
