import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../report/test-api';
import ExportListButton from './ExportListButton.svelte';

describe('ExportListButton', () => {
  it('asks main for the campaign list export and says where the desktop app saved it', async () => {
    const api = fakeApi({
      'reports.exportCampaigns': () => ({ kind: 'saved', path: '/home/ann/campaigns.csv', rows: 3 }),
    });
    render(ExportListButton, { api });
    await fireEvent.click(screen.getByRole('button', { name: 'Export list' }));
    expect(await screen.findByText('Saved to /home/ann/campaigns.csv (3 campaigns)')).toBeInTheDocument();
    expect(api.callsTo('reports.exportCampaigns')).toEqual([{}]);
  });

  it('explains a failure in plain words', async () => {
    const api = fakeApi({
      'reports.exportCampaigns': () => {
        throw new Error('The disk is full.');
      },
    });
    render(ExportListButton, { api });
    await fireEvent.click(screen.getByRole('button', { name: 'Export list' }));
    expect(
      await screen.findByText('Could not export the campaign list: The disk is full.'),
    ).toBeInTheDocument();
  });
});
