import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CampaignStatus } from '../../../shared/types';
import CampaignControls from './CampaignControls.svelte';

function setup(status: CampaignStatus) {
  const actions: string[] = [];
  const view = render(CampaignControls, {
    status,
    remaining: 42,
    busy: false,
    onPause: () => actions.push('pause'),
    onResume: () => actions.push('resume'),
    onCancel: () => actions.push('cancel'),
  });
  return { actions, view };
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('CampaignControls', () => {
  it('pauses a sending campaign; resume waits until it is paused', async () => {
    const { actions } = setup('sending');
    expect(button('Resume').disabled).toBe(true);
    await fireEvent.click(button('Pause'));
    expect(actions).toEqual(['pause']);
  });

  it('cancels only after confirmation', async () => {
    const { actions } = setup('paused');
    await fireEvent.click(button('Cancel campaign'));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this campaign?' });
    expect(dialog.textContent).toContain('42 messages have not been sent');
    await fireEvent.click(button('Keep campaign'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(actions).toEqual([]);
    await fireEvent.click(button('Cancel campaign'));
    const confirm = screen.getAllByRole('button', { name: 'Cancel campaign' }).at(-1)!;
    await fireEvent.click(confirm);
    expect(actions).toEqual(['cancel']);
  });

  it('offers resume for an interrupted campaign, never by itself', async () => {
    const { actions } = setup('interrupted');
    expect(screen.getByRole('status').textContent).toContain('This campaign was interrupted');
    expect(actions).toEqual([]);
    await fireEvent.click(button('Resume'));
    expect(actions).toEqual(['resume']);
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
  });

  it('shows nothing for a finished campaign', () => {
    setup('completed');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
