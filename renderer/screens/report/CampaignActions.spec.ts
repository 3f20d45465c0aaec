import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CampaignStatus, CampaignSummary } from '../../../shared/types';
import { fakeApi, type FakeHandlers } from '../../testing/fake-api';
import { summary } from '../../testing/results';
import CampaignActions from './CampaignActions.svelte';

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(status: CampaignStatus, handlers: FakeHandlers, timeToSend: string | null = null) {
  const api = fakeApi(handlers);
  const answers: CampaignSummary[] = [];
  render(CampaignActions, {
    api,
    campaignId: 7,
    status,
    remaining: 5,
    timeToSend,
    scheduleCancel: null,
    onAnswer: (s: CampaignSummary) => answers.push(s),
  });
  return { api, answers };
}

describe('CampaignActions', () => {
  it("asks main to pause and hands main's answer to the report", async () => {
    const { api, answers } = setup('sending', {
      'campaigns.pause': () => summary({ id: 7, status: 'paused' }),
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await settle();
    expect(api.callsTo('campaigns.pause')).toEqual([{ id: 7 }]);
    expect(answers.map((a) => a.status)).toEqual(['paused']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('resumes at the time chosen when the stored one has passed', async () => {
    const { api } = setup(
      'paused',
      { 'campaigns.resume': () => summary({ id: 7, status: 'sending' }) },
      '2020-01-01T09:00:00.000Z',
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Deliver the rest now' }));
    await settle();
    expect(api.callsTo('campaigns.resume')).toEqual([{ id: 7, timeToSend: null }]);
  });

  it("says main's refusal under the buttons, and the report keeps its counts", async () => {
    const { answers } = setup('sending', {
      'campaigns.cancel': () => {
        throw new Error('The campaign already finished.');
      },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel campaign' }));
    await fireEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel campaign' }),
    );
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not cancel the campaign: The campaign already finished.',
    );
    expect(answers).toEqual([]);
  });
});
