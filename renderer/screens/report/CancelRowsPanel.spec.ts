import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CancelRowsPanel from './CancelRowsPanel.svelte';
import { fakeApi } from '../../testing/fake-api';
import { summary } from '../../testing/results';

describe('CancelRowsPanel', () => {
  it('takes back the rows typed as the table numbers them, and says what Messente did', async () => {
    const after = summary({ status: 'completed' });
    const api = fakeApi({
      'campaigns.cancelRows': () => ({
        cancelled: 2,
        alreadySent: 0,
        unknown: 0,
        message: '2 cancelled before delivery.',
        summary: after,
      }),
    });
    const onCancelled = vi.fn();
    render(CancelRowsPanel, { api, campaignId: 4, headerRow: 1, onCancelled });
    await fireEvent.input(screen.getByLabelText("Rows (as in the table's Row column)"), {
      target: { value: '3, 5' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel these rows' }));
    expect(await screen.findByRole('status')).toHaveTextContent('2 cancelled before delivery.');
    // Spreadsheet rows 3 and 5 under a header on row 1 are data rows 2 and 4.
    expect(api.callsTo('campaigns.cancelRows')).toEqual([{ id: 4, rows: [2, 4] }]);
    expect(onCancelled).toHaveBeenCalledWith(after);
  });

  it('asks for rows instead of calling main with none, or with all', async () => {
    const api = fakeApi({});
    render(CancelRowsPanel, { api, campaignId: 4, headerRow: 1, onCancelled: () => {} });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel these rows' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Rows: give the rows to cancel');
    await fireEvent.input(screen.getByLabelText("Rows (as in the table's Row column)"), {
      target: { value: 'all' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel these rows' }));
    expect(screen.getByRole('alert')).toHaveTextContent('use Cancel campaign');
    expect(api.calls).toEqual([]);
  });
});
