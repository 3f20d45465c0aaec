import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CampaignStatus, ScheduleCancelCounts } from '../../../shared/types';
import CampaignControls from './CampaignControls.svelte';

function setup(
  status: CampaignStatus,
  timeToSend: string | null = null,
  scheduleCancel: ScheduleCancelCounts | null = null,
) {
  const actions: string[] = [];
  const view = render(CampaignControls, {
    status,
    remaining: 42,
    busy: false,
    timeToSend,
    scheduleCancel,
    onPause: ({ cancelScheduled }: { cancelScheduled: boolean }) =>
      actions.push(cancelScheduled ? 'pause and cancel scheduled' : 'pause'),
    onResume: (at?: string | null) => actions.push(at === undefined ? 'resume' : `resume at ${at}`),
    onCancel: () => actions.push('cancel'),
  });
  return { actions, view };
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('CampaignControls', () => {
  it('pauses a sending campaign; resume waits until it is paused', async () => {
    const { actions } = setup('sending');
    expect(button('Resume')).toBeDisabled();
    await fireEvent.click(button('Pause'));
    expect(actions).toEqual(['pause']);
  });

  it('cancels only after confirmation', async () => {
    const { actions } = setup('paused');
    await fireEvent.click(button('Cancel campaign'));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this campaign?' });
    expect(dialog).toHaveTextContent('42 messages have not been sent');
    await fireEvent.click(button('Keep campaign'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(actions).toEqual([]);
    await fireEvent.click(button('Cancel campaign'));
    const confirm = screen.getAllByRole('button', { name: 'Cancel campaign' }).at(-1)!;
    await fireEvent.click(confirm);
    expect(actions).toEqual(['cancel']);
  });

  it('offers resume for an interrupted campaign, never by itself', async () => {
    const { actions } = setup('interrupted');
    expect(screen.getByRole('status')).toHaveTextContent('This campaign was interrupted');
    expect(actions).toEqual([]);
    await fireEvent.click(button('Resume'));
    expect(actions).toEqual(['resume']);
    expect(screen.queryByRole('button', { name: 'Pause' })).not.toBeInTheDocument();
  });

  it('shows nothing for a finished campaign', () => {
    setup('completed');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('keeps a schedule still ahead: Resume resumes with the stored time', async () => {
    const { actions } = setup('paused', new Date(Date.now() + 3_600_000).toISOString());
    expect(screen.queryByRole('group', { name: 'Scheduled time has passed' })).not.toBeInTheDocument();
    await fireEvent.click(button('Resume'));
    expect(actions).toEqual(['resume']);
  });

  it('asks what to do when the scheduled time has passed: now, or a new time', async () => {
    const { actions } = setup('interrupted', '2020-01-01T10:00:00.000Z');
    const group = screen.getByRole('group', { name: 'Scheduled time has passed' });
    expect(group).toHaveTextContent('which has passed');
    expect(screen.queryByRole('button', { name: 'Resume' })).not.toBeInTheDocument();
    const later = button('Resume at this time');
    expect(later).toBeDisabled();
    const ahead = new Date(Date.now() + 2 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${ahead.getFullYear()}-${pad(ahead.getMonth() + 1)}-${pad(ahead.getDate())}T10:30`;
    await fireEvent.input(screen.getByLabelText('New delivery time'), { target: { value: local } });
    expect(later).toBeEnabled();
    await fireEvent.click(later);
    await fireEvent.click(button('Deliver the rest now'));
    expect(actions).toEqual([`resume at ${new Date(local).toISOString()}`, 'resume at null']);
  });

  it('pausing a campaign scheduled for later can also cancel its scheduled messages', async () => {
    const { actions } = setup('sending', new Date(Date.now() + 3_600_000).toISOString());
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Also cancel scheduled messages' }));
    await fireEvent.click(button('Pause'));
    expect(actions).toEqual(['pause and cancel scheduled']);
  });

  it('a finished campaign scheduled for later can be held or cancelled until its time', async () => {
    const { actions } = setup('completed', new Date(Date.now() + 3_600_000).toISOString());
    await fireEvent.click(button('Hold scheduled messages'));
    expect(actions).toEqual(['pause and cancel scheduled']);
    await fireEvent.click(button('Cancel campaign'));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this campaign?' });
    expect(dialog).toHaveTextContent('are cancelled at Messente');
  });

  it('says what Messente answered for the scheduled messages', () => {
    setup('cancelled', null, { cancelled: 7, alreadySent: 2, unknown: 1 });
    expect(screen.getByRole('status')).toHaveTextContent(
      /7 cancelled, 2 already sent, 1 unknown \(they may still be delivered\)/,
    );
  });
});
