import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../testing/fake-api';
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

  it('exports with the delimiter chosen, for a spreadsheet that expects another', async () => {
    const api = fakeApi({
      'reports.exportCampaigns': () => ({ kind: 'saved', path: '/home/ann/campaigns.csv', rows: 3 }),
    });
    render(ExportListButton, { api });
    const select = screen.getByLabelText('Delimiter');
    expect((select as HTMLSelectElement).value).toBe('');
    expect(screen.getByRole('option', { name: 'As the latest imported file' })).toBeInTheDocument();
    await fireEvent.change(select, { target: { value: ';' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Export list' }));
    await screen.findByText('Saved to /home/ann/campaigns.csv (3 campaigns)');
    expect(api.callsTo('reports.exportCampaigns')).toEqual([{ delimiter: ';' }]);
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
