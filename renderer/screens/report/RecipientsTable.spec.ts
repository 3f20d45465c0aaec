import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { MessageRow } from '../../../shared/types';
import RecipientsTable from './RecipientsTable.svelte';
import { fakeApi } from '../../testing/fake-api';
import { row } from '../../testing/results';

function bigCampaign(total: number, make: (n: number) => MessageRow = (n) => row(n)) {
  return fakeApi({
    'campaigns.rows': (args: { offset: number; limit: number }) => {
      const rows = [];
      for (let i = args.offset; i < Math.min(total, args.offset + args.limit); i++) rows.push(make(i + 1));
      return { total, rows };
    },
  });
}

describe('RecipientsTable', () => {
  it('fetches one page and renders only the rows in view', async () => {
    const api = bigCampaign(100_000);
    render(RecipientsTable, { api, campaignId: 7, filter: {}, refreshSignal: 0 });
    await screen.findByText('100,000 rows');
    const table = screen.getByRole('table', { name: 'Recipients' });
    for (const h of ['Row', 'Phone', 'Status', 'Message ID', 'Error']) {
      expect(within(table).getByRole('columnheader', { name: h })).toBeInTheDocument();
    }
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(table).toHaveAttribute('aria-rowcount', '100001');
    expect(api.callsTo('campaigns.rows')).toEqual([{ id: 7, offset: 0, limit: 500 }]);
    expect(within(table).getByText('msg-1')).toBeInTheDocument();
  });

  it('shows states, delivery status and errors in words', async () => {
    const api = bigCampaign(3, (n) =>
      n === 1
        ? row(1, 'accepted', { deliveryStatus: 'DELIVRD' })
        : n === 2
          ? row(2, 'failed', { errorCode: '105', errorTitle: 'Invalid data', errorDetail: 'bad sender' })
          : row(3, 'skipped', { skipReason: 'duplicate of row 1', to: null, rawPhone: '5551' }),
    );
    render(RecipientsTable, { api, campaignId: 1, filter: {}, refreshSignal: 0 });
    await screen.findByText('3 rows');
    expect(screen.getByText('accepted · DELIVRD').className).toMatch(/\bdelivery-ok\b/);
    expect(screen.getByText('105 Invalid data: bad sender')).toBeInTheDocument();
    expect(screen.getByText('duplicate of row 1')).toBeInTheDocument();
    expect(screen.getByText('5551')).toBeInTheDocument();
  });

  it('colours a row by its delivery status when Messente reported one, text unchanged', async () => {
    const api = bigCampaign(3, (n) =>
      n === 1
        ? row(1, 'accepted', { deliveryStatus: 'UNDELIV' })
        : n === 2
          ? row(2, 'accepted', { deliveryStatus: 'ACK' })
          : row(3, 'accepted'),
    );
    render(RecipientsTable, { api, campaignId: 1, filter: {}, refreshSignal: 0 });
    await screen.findByText('3 rows');
    const undelivered = screen.getByText('accepted · UNDELIV');
    expect(undelivered.className).toMatch(/\bdelivery-danger\b/);
    expect(undelivered.className).not.toMatch(/state-accepted/);
    expect(screen.getByText('accepted · ACK').className).toMatch(/\bstate-accepted\b/);
    expect(screen.getByText('accepted').className).toMatch(/\bstate-accepted\b/);
  });

  it('asks main for the chosen states only and refetches on a refresh signal', async () => {
    const api = bigCampaign(2, (n) => row(n, 'failed'));
    const view = render(RecipientsTable, {
      api,
      campaignId: 1,
      filter: { states: ['failed'] },
      refreshSignal: 0,
    });
    await screen.findByText('2 rows');
    expect(api.callsTo('campaigns.rows')).toEqual([{ id: 1, offset: 0, limit: 500, states: ['failed'] }]);
    await view.rerender({ api, campaignId: 1, filter: { states: ['failed'] }, refreshSignal: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(api.callsTo('campaigns.rows')).toHaveLength(2);
    await view.rerender({ api, campaignId: 1, filter: {}, refreshSignal: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(api.callsTo('campaigns.rows').at(-1)).toEqual({ id: 1, offset: 0, limit: 500 });
  });

  it('numbers rows as the spreadsheet does: data row + header row', async () => {
    render(RecipientsTable, {
      api: bigCampaign(2),
      campaignId: 1,
      filter: {},
      refreshSignal: 0,
      headerRow: 3,
    });
    const table = screen.getByRole('table', { name: 'Recipients' });
    await within(table).findByText('msg-1');
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[0]?.textContent);
    expect(cells).toEqual(['4', '5']);
  });

  it('asks main again from the top when a delivery status, error or billed filter changes', async () => {
    const api = bigCampaign(2);
    const view = render(RecipientsTable, { api, campaignId: 1, filter: {}, refreshSignal: 0 });
    await screen.findByText('2 rows');
    const filter = { deliveryStatuses: ['UNDELIV'], errorCodes: ['105'], billedDiffers: true };
    await view.rerender({ api, campaignId: 1, filter, refreshSignal: 0 });
    await new Promise((r) => setTimeout(r, 0));
    expect(api.callsTo('campaigns.rows').at(-1)).toEqual({ id: 1, offset: 0, limit: 500, ...filter });
    // The same filter in a new object (the screen rebuilds it) is no reason to fetch again.
    const before = api.callsTo('campaigns.rows').length;
    await view.rerender({ api, campaignId: 1, filter: { ...filter }, refreshSignal: 0 });
    await new Promise((r) => setTimeout(r, 0));
    expect(api.callsTo('campaigns.rows')).toHaveLength(before);
  });

  it('says when a campaign has no rows at all', async () => {
    render(RecipientsTable, { api: bigCampaign(0), campaignId: 1, filter: {}, refreshSignal: 0 });
    expect(await screen.findByText('No rows in this campaign.')).toBeInTheDocument();
  });

  it('says when no row matches', async () => {
    render(RecipientsTable, {
      api: bigCampaign(0),
      campaignId: 1,
      filter: { states: ['unknown'] },
      refreshSignal: 0,
    });
    expect(await screen.findByText('No rows match these filters.')).toBeInTheDocument();
  });

  it('holds placeholders of the same height while a page scrolled to is on its way', async () => {
    // Page 0 answers at once; the pages further down wait until the spec lets them through.
    const waiting: (() => void)[] = [];
    const api = fakeApi({
      'campaigns.rows': (args: { offset: number; limit: number }) => {
        const rows = Array.from({ length: args.limit }, (_, k) => row(args.offset + k + 1));
        const result = { total: 100_000, rows };
        if (args.offset === 0) return result;
        return new Promise((resolve) => waiting.push(() => resolve(result)));
      },
    });
    render(RecipientsTable, { api, campaignId: 1, filter: {}, refreshSignal: 0 });
    await screen.findByText('100,000 rows');
    const table = screen.getByRole('table', { name: 'Recipients' });
    const scroller = screen.getByRole('rowgroup', { name: 'Recipients rows' });
    scroller.scrollTop = 28 * 1_000;
    await fireEvent.scroll(scroller);

    expect(api.callsTo('campaigns.rows')).toEqual([
      { id: 1, offset: 0, limit: 500 },
      { id: 1, offset: 500, limit: 500 },
      { id: 1, offset: 1000, limit: 500 },
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.style.height === '28px')).toBe(true);
    expect(
      within(rows[10]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['', '…', '', '', '']);

    for (const release of waiting) release();
    expect(await within(table).findByText('msg-1003')).toBeInTheDocument();
    expect(within(table).queryAllByText('…')).toHaveLength(0);
  });

  it('starts over from the first row when the filter changes', async () => {
    const api = bigCampaign(100_000);
    const view = render(RecipientsTable, { api, campaignId: 1, filter: {}, refreshSignal: 0 });
    await screen.findByText('100,000 rows');
    const scroller = screen.getByRole('rowgroup', { name: 'Recipients rows' });
    scroller.scrollTop = 28 * 5_000;
    await fireEvent.scroll(scroller);
    await screen.findByText('msg-5001');

    await view.rerender({ api, campaignId: 1, filter: { states: ['accepted'] }, refreshSignal: 0 });
    expect(await screen.findByText('msg-1')).toBeInTheDocument();
    expect(scroller.scrollTop).toBe(0);
    const since = api.callsTo('campaigns.rows').slice(-1);
    expect(since).toEqual([{ id: 1, offset: 0, limit: 500, states: ['accepted'] }]);
  });

  it('says so, as an alert, when main cannot give the rows', async () => {
    const api = fakeApi({
      'campaigns.rows': () => {
        throw new Error('database is locked');
      },
    });
    render(RecipientsTable, { api, campaignId: 1, filter: {}, refreshSignal: 0 });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not load the rows: database is locked');
    expect(screen.getByRole('table', { name: 'Recipients' })).toHaveAttribute('aria-busy', 'true');
  });
  it("shows each row's own delivery time and where it stands, for a campaign delivered row by row", async () => {
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const api = bigCampaign(2, (n) =>
      n === 1 ? row(1, 'accepted', { sendAt: later }) : row(2, 'cancelled', { sendAt: later }),
    );
    render(RecipientsTable, {
      api,
      campaignId: 1,
      filter: {},
      refreshSignal: 0,
      deliveryZone: 'Europe/Tallinn',
    });
    await screen.findByText('2 rows');
    const table = screen.getByRole('table', { name: 'Recipients' });
    expect(
      within(table).getByRole('columnheader', { name: 'Delivery (Europe/Tallinn)' }),
    ).toBeInTheDocument();
    expect(within(table).getByText(/ · scheduled$/)).toBeInTheDocument();
    expect(within(table).getByText(/ · cancelled$/)).toBeInTheDocument();
  });
});
