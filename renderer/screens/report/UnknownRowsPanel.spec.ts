import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CampaignStatus, CampaignSummary } from '../../../shared/types';
import { fakeApi } from '../../testing/fake-api';
import { counts, summary } from '../../testing/results';
import UnknownRowsPanel from './UnknownRowsPanel.svelte';

const settle = () => new Promise((r) => setTimeout(r, 0));
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

function setup(status: CampaignStatus = 'completed', unknown = 3, fail = false) {
  const api = fakeApi({
    'campaigns.markUnknown': (args: { as: 'sent' | 'again' }) => {
      if (fail) throw new Error('nothing_unknown: Campaign 4 has no rows whose outcome is unknown.');
      return args.as === 'sent'
        ? {
            changed: 3,
            message: '3 row(s) marked as sent: they count as accepted and are never sent again.',
            summary: summary({ id: 4, counts: counts({ accepted: 10 }) }),
          }
        : {
            changed: 3,
            message: '3 row(s) queued to send again: they go out when the campaign is resumed.',
            summary: summary({ id: 4, status: 'paused', counts: counts({ accepted: 7, queued: 3 }) }),
          };
    },
  });
  const decided: CampaignSummary[] = [];
  let shown = 0;
  render(UnknownRowsPanel, {
    api,
    campaignId: 4,
    status,
    unknown,
    headerRow: 1,
    onShow: () => shown++,
    onDecided: (s: CampaignSummary) => decided.push(s),
  });
  return { api, decided, shown: () => shown };
}

describe('UnknownRowsPanel', () => {
  it('says how many rows are unknown and what that means; shows them in the table', async () => {
    const { shown } = setup();
    expect(screen.getByRole('heading', { name: '3 rows with an unknown outcome' })).toBeInTheDocument();
    expect(screen.getByRole('region').textContent?.replace(/\s+/g, ' ')).toMatch(
      /never sends them again by itself/,
    );
    await fireEvent.click(button('Show unknown rows'));
    expect(shown()).toBe(1);
  });

  it('marks them as sent only after confirmation, then reports what was done', async () => {
    const { api, decided } = setup();
    await fireEvent.click(button('Mark as sent…'));
    expect(screen.getByRole('dialog', { name: 'Mark 3 rows as sent?' })).toHaveTextContent(/checked/);
    await fireEvent.click(button('Keep them unknown'));
    expect(api.callsTo('campaigns.markUnknown')).toEqual([]);
    await fireEvent.click(button('Mark as sent…'));
    await fireEvent.click(button('Mark as sent'));
    await settle();
    expect(api.callsTo('campaigns.markUnknown')).toEqual([{ id: 4, rows: null, as: 'sent' }]);
    expect(screen.getByRole('status').textContent).toBe(
      '3 row(s) marked as sent: they count as accepted and are never sent again.',
    );
    expect(decided.map((s) => s.counts.accepted)).toEqual([10]);
  });

  it('warns that sending again may deliver twice, then says to resume', async () => {
    const { api, decided } = setup();
    await fireEvent.click(button('Send again…'));
    expect(
      screen.getByRole('dialog', { name: 'Send 3 rows again?' }).textContent?.replace(/\s+/g, ' '),
    ).toMatch(
      /deliver them twice, and each one is billed again\. They go out when you resume the campaign\./,
    );
    await fireEvent.click(button('Send again'));
    await settle();
    expect(api.callsTo('campaigns.markUnknown')).toEqual([{ id: 4, rows: null, as: 'again' }]);
    expect(screen.getByRole('status')).toHaveTextContent(/queued to send again.*Press Resume to send them\./);
    expect(decided[0]?.status).toBe('paused');
  });

  it('decides chosen rows, typed as the Row column shows them, and refuses a bad list', async () => {
    const { api } = setup('completed', 3);
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Rows (as in the Row column)' });
    expect(field.value).toBe('all');
    await fireEvent.input(field, { target: { value: '4, x' } });
    expect(screen.getByText(/^Rows: "x" is not a row number or a range of rows/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(button('Mark as sent…')).toBeDisabled();
    await fireEvent.input(field, { target: { value: '1' } });
    expect(screen.getByText('Rows: the recipients start on row 2, below the header.')).toBeInTheDocument();
    await fireEvent.input(field, { target: { value: '9, 4-5' } });
    expect(button('Mark as sent…')).toBeEnabled();
    await fireEvent.click(button('Mark as sent…'));
    expect(screen.getByRole('dialog', { name: 'Mark rows 4, 5, 9 as sent?' })).toBeInTheDocument();
    await fireEvent.click(button('Mark as sent'));
    await settle();
    // Spreadsheet rows 4, 5 and 9 below a header on row 1 are data rows 3, 4 and 8.
    expect(api.callsTo('campaigns.markUnknown')).toEqual([{ id: 4, rows: [3, 4, 8], as: 'sent' }]);
  });

  it('does not ask for Resume when the campaign is still sending', async () => {
    const api = fakeApi({
      'campaigns.markUnknown': () => ({
        changed: 1,
        message: '1 row(s) queued to send again: they go out with the rest of the campaign.',
        summary: summary({ id: 4, status: 'sending', counts: counts({ queued: 5 }) }),
      }),
    });
    render(UnknownRowsPanel, {
      api,
      campaignId: 4,
      status: 'sending',
      unknown: 1,
      headerRow: 1,
      onShow: () => {},
      onDecided: () => {},
    });
    await fireEvent.click(button('Send again…'));
    expect(screen.getByRole('dialog', { name: 'Send 1 row again?' })).toHaveTextContent(
      'They go out with the rest of the campaign.',
    );
    await fireEvent.click(button('Send again'));
    await settle();
    expect(screen.getByRole('status').textContent).toBe(
      '1 row(s) queued to send again: they go out with the rest of the campaign.',
    );
  });

  it('offers only "mark as sent" on a cancelled campaign', () => {
    setup('cancelled');
    expect(screen.queryByRole('button', { name: 'Send again…' })).not.toBeInTheDocument();
    expect(button('Mark as sent…')).toBeInTheDocument();
  });

  it('shows nothing when no row is unknown', () => {
    setup('completed', 0);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('says why a decision could not be recorded', async () => {
    setup('completed', 3, true);
    await fireEvent.click(button('Mark as sent…'));
    await fireEvent.click(button('Mark as sent'));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent(/^Could not record the decision: nothing_unknown/);
  });
});
