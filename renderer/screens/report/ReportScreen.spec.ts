import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { RowsFilter } from '../../../shared/contract';
import type { MessageState } from '../../../shared/types';
import ReportScreen from './ReportScreen.svelte';
import { fakeApi, type FakeApi } from '../../testing/fake-api';
import { counts, detail, row, settings, summary } from '../../testing/results';
import { campaignApi } from './campaign-api';

const settle = () => new Promise((r) => setTimeout(r, 0));
/** What the recipients table last asked main for. */
const lastTableQuery = (api: FakeApi) => api.callsTo('campaigns.rows').at(-1);
/** The table's first page of campaign 5 under a filter (pages are 500 rows). */
const firstPage = (filter: RowsFilter) => ({ id: 5, offset: 0, limit: 500, ...filter });

describe('ReportScreen', () => {
  it('shows the campaign, its status, charts and rows', async () => {
    const api = campaignApi('completed');
    render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
    expect(await screen.findByRole('heading', { name: 'Spring offer' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Campaign status' })).toHaveTextContent('completed');
    expect(screen.getByRole('img', { name: 'accepted: 4 of 10 rows' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'DELIVRD: 3 of 4 rows' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Recipients' });
    expect(await within(table).findByText('msg-1')).toBeInTheDocument();
    expect(api.callsTo('campaigns.get')).toEqual([{ id: 5 }]);
    expect(screen.queryByRole('button', { name: 'Pause' })).not.toBeInTheDocument();
    // "Failed rows only" shapes the export, so it sits with the export, after the table, not among
    // the table's filters.
    const exportRegion = screen.getByRole('region', { name: 'Export' });
    expect(within(exportRegion).getByRole('checkbox', { name: 'Failed rows only' })).toBeInTheDocument();
    expect(table.compareDocumentPosition(exportRegion) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('pauses, resumes and cancels after confirmation', async () => {
    const api = campaignApi('sending');
    render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
    await fireEvent.click(await screen.findByRole('button', { name: 'Pause' }));
    await settle();
    expect(screen.getByRole('status', { name: 'Campaign status' })).toHaveTextContent('paused');
    await fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await settle();
    expect(screen.getByRole('status', { name: 'Campaign status' })).toHaveTextContent('sending');
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel campaign' }));
    const dialog = screen.getByRole('dialog');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel campaign' }));
    await settle();
    expect(screen.getByRole('status', { name: 'Campaign status' })).toHaveTextContent('cancelled');
    expect(
      api.calls
        .map((c) => c.name)
        .filter(
          (n) => n.startsWith('campaigns.p') || n.startsWith('campaigns.re') || n === 'campaigns.cancel',
        ),
    ).toEqual(['campaigns.pause', 'campaigns.resume', 'campaigns.cancel']);
  });

  it('offers resume for an interrupted campaign and never resumes by itself', async () => {
    const api = campaignApi('interrupted');
    render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
    expect(await screen.findByText(/This campaign was interrupted/)).toHaveTextContent('5 rows still wait');
    expect(api.callsTo('campaigns.resume')).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(api.callsTo('campaigns.resume')).toEqual([{ id: 5 }]);
  });

  it('filters rows by state', async () => {
    const api = campaignApi('completed');
    render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
    const select = await screen.findByRole('combobox', { name: 'Show rows' });
    await fireEvent.change(select, { target: { value: 'failed' } });
    await settle();
    expect(lastTableQuery(api)).toEqual(firstPage({ states: ['failed'] }));
    expect(await screen.findByText('105 Invalid data')).toBeInTheDocument();
  });

  it('filters rows by delivery status and error, options from the campaign’s counts', async () => {
    const errors = [{ code: '105', title: 'Invalid data', count: 1, explanation: 'Check the sender.' }];
    const api = fakeApi({
      'campaigns.get': () => detail({ id: 5, status: 'completed', errors }),
      'campaigns.rows': () => ({ total: 1, rows: [row(1, 'accepted')] }),
      'campaigns.deliveryCounts': () => ({ DELIVRD: 3, PENDING: 1 }),
    });
    render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
    const delivery = await screen.findByRole('combobox', { name: 'Delivery status' });
    await screen.findByRole('option', { name: 'DELIVRD (3)' });
    expect(
      within(delivery)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All', 'DELIVRD (3)', 'PENDING (1)']);
    const error = screen.getByRole('combobox', { name: 'Error' });
    expect(
      within(error)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All', '105 Invalid data (1)']);
    // Nothing billed yet: no billed filter, and the table never asked for it.
    expect(screen.queryByRole('checkbox', { name: 'Billed differs from predicted' })).not.toBeInTheDocument();
    await fireEvent.change(delivery, { target: { value: 'PENDING' } });
    await settle();
    expect(lastTableQuery(api)).toEqual(firstPage({ deliveryStatuses: ['PENDING'] }));
    await fireEvent.change(error, { target: { value: '105' } });
    await settle();
    expect(lastTableQuery(api)).toEqual(firstPage({ deliveryStatuses: ['PENDING'], errorCodes: ['105'] }));
    await fireEvent.change(delivery, { target: { value: 'all' } });
    await settle();
    expect(lastTableQuery(api)).toEqual(firstPage({ errorCodes: ['105'] }));
    expect(api.callsTo('campaigns.rows').some((a) => a.billedDiffers)).toBe(false);
  });

  it('counts rows billed outside their predicted range, and "Show them" filters the table to them', async () => {
    const api = fakeApi({
      'campaigns.get': () =>
        detail({ id: 5, status: 'completed', predictedCostMicros: 450_000, billedCostMicros: 500_000 }),
      'campaigns.rows': (args: { billedDiffers?: boolean }) =>
        args.billedDiffers
          ? { total: 2, rows: [row(3, 'accepted', { billedCostMicros: 75_000 }), row(6)] }
          : { total: 8, rows: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => row(n)) },
      'campaigns.deliveryCounts': () => ({ DELIVRD: 8 }),
    });
    render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
    expect(await screen.findByText('2 rows were billed outside the predicted range.')).toBeInTheDocument();
    expect(api.callsTo('campaigns.rows')).toContainEqual({ id: 5, offset: 0, limit: 1, billedDiffers: true });
    const box = screen.getByRole('checkbox', { name: 'Billed differs from predicted' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    const table = screen.getByRole('table', { name: 'Recipients' });
    expect(await within(table).findByText('8 rows')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Show them' }));
    await settle();
    expect(box.checked).toBe(true);
    expect(lastTableQuery(api)).toEqual(firstPage({ billedDiffers: true }));
    expect(await within(table).findByText('2 rows')).toBeInTheDocument();
    await fireEvent.click(box);
    await settle();
    expect(lastTableQuery(api)).toEqual(firstPage({}));
  });

  it('offers a decision about unknown rows, shows them, and follows the decision', async () => {
    const api = fakeApi({
      'campaigns.get': () =>
        detail({ id: 5, status: 'completed', counts: counts({ accepted: 8, unknown: 2 }) }),
      'campaigns.rows': (args: { states?: MessageState[] }) =>
        args.states?.includes('unknown')
          ? { total: 2, rows: [row(3, 'unknown'), row(6, 'unknown')] }
          : { total: 10, rows: [row(1)] },
      'campaigns.deliveryCounts': () => ({ DELIVRD: 8 }),
      'campaigns.markUnknown': () => ({
        changed: 2,
        message: '2 row(s) queued to send again: they go out when the campaign is resumed.',
        summary: summary({ id: 5, status: 'paused', counts: counts({ accepted: 8, queued: 2 }) }),
      }),
    });
    render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
    expect(
      await screen.findByRole('heading', { name: '2 rows with an unknown outcome' }),
    ).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Show unknown rows' }));
    await settle();
    expect(lastTableQuery(api)).toEqual(firstPage({ states: ['unknown'] }));
    await fireEvent.click(screen.getByRole('button', { name: 'Send again…' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Send again' }));
    await settle();
    expect(screen.getByRole('status', { name: 'Campaign status' })).toHaveTextContent('paused');
    expect(screen.queryByRole('heading', { name: /unknown outcome/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
  });

  it('goes back to the campaigns', async () => {
    let back = 0;
    render(ReportScreen, { api: campaignApi('completed'), campaignId: 5, onBack: () => back++ });
    await fireEvent.click(screen.getByRole('button', { name: '← Campaigns' }));
    expect(back).toBe(1);
  });

  it('explains a campaign that cannot be opened', async () => {
    const api = fakeApi({
      'campaigns.get': () => {
        throw new Error('No campaign #5.');
      },
      'campaigns.deliveryCounts': () => ({}),
    });
    render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
    expect(await screen.findByRole('alert')).toHaveTextContent('No campaign #5.');
  });

  it('shows a finished campaign’s errors grouped by code', async () => {
    const errors = [{ code: '105', title: 'Invalid data', count: 1, explanation: 'Check the sender name.' }];
    const api = fakeApi({
      'campaigns.get': () => detail({ id: 5, status: 'completed', errors }),
      'campaigns.rows': () => ({ total: 0, rows: [] }),
      'campaigns.deliveryCounts': () => ({}),
    });
    render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
    const table = await screen.findByRole('table', { name: 'Errors by code' });
    expect(table).toHaveTextContent('Check the sender name.');
  });

  it('offers to send a draft and follows it once started', async () => {
    const queued = counts({ queued: 2 });
    const api = fakeApi({
      'campaigns.get': () => detail({ id: 6, status: 'draft', counts: queued, total: 2 }),
      'campaigns.rows': () => ({ total: 0, rows: [] }),
      'campaigns.deliveryCounts': () => ({}),
      'settings.get': () => settings({ defaultRate: 10 }),
      'campaigns.start': () => summary({ id: 6, status: 'sending', counts: queued, total: 2 }),
    });
    render(ReportScreen, { api, campaignId: 6, onBack: () => {} });
    await fireEvent.click(await screen.findByRole('button', { name: 'Send 2 messages' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await screen.findByText('sending');
    expect(screen.queryByRole('button', { name: 'Send 2 messages' })).not.toBeInTheDocument();
    expect(api.callsTo('campaigns.start')).toEqual([{ id: 6, rate: 10 }]);
  });
});
