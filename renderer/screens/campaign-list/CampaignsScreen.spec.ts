import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../testing/fake-api';
import { counts, summary } from '../../testing/results';
import CampaignsScreen from './CampaignsScreen.svelte';

const list = [
  summary({ id: 1, name: 'Spring offer', createdAt: '2026-03-01T10:00:00Z', predictedCostMicros: 1_250_000 }),
  summary({ id: 2, name: 'Autumn reminder', status: 'interrupted', createdAt: '2026-09-01T10:00:00Z' }),
  summary({
    id: 3,
    name: 'Black Friday',
    total: 1500,
    counts: counts({ accepted: 1400, failed: 37 }),
    createdAt: '2026-11-27T10:00:00Z',
    billedCostMicros: 61_000_000,
  }),
];

function names(): string[] {
  const table = screen.getByRole('table', { name: 'Campaigns' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]?.querySelector('button')?.textContent ?? '');
}

describe('CampaignsScreen', () => {
  it('lists campaigns newest first with their counts and costs', async () => {
    const api = fakeApi({ 'campaigns.list': () => list });
    render(CampaignsScreen, { api, onOpen: () => {}, onNew: () => {} });
    await screen.findByRole('table', { name: 'Campaigns' });
    for (const header of ['Name', 'Status', 'Recipients', 'Cost', 'Created']) {
      expect(screen.getByRole('columnheader', { name: header })).toBeInTheDocument();
    }
    expect(names()).toEqual(['Black Friday', 'Autumn reminder', 'Spring offer']);
    const friday = screen.getByRole('row', { name: /Black Friday/ });
    expect(friday).toHaveTextContent('1,500');
    expect(friday).toHaveTextContent('1,400');
    expect(friday).toHaveTextContent('37');
    expect(friday).toHaveTextContent('€61.00');
    expect(screen.getByRole('row', { name: /Spring offer/ })).toHaveTextContent('€1.25');
    expect(api.callsTo('campaigns.list')).toEqual([{}]);
  });

  it('highlights interrupted campaigns and opens a report from its name', async () => {
    const opened: number[] = [];
    render(CampaignsScreen, {
      api: fakeApi({ 'campaigns.list': () => list }),
      onOpen: (id) => opened.push(id),
      onNew: () => {},
    });
    const row = await screen.findByRole('row', { name: /Autumn reminder/ });
    expect(row).toHaveTextContent('Interrupted: open it to resume');
    await fireEvent.click(within(row).getByRole('button', { name: 'Autumn reminder' }));
    expect(opened).toEqual([2]);
  });

  it('searches and sorts', async () => {
    render(CampaignsScreen, {
      api: fakeApi({ 'campaigns.list': () => list }),
      onOpen: () => {},
      onNew: () => {},
    });
    await screen.findByRole('table', { name: 'Campaigns' });
    await fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(names()).toEqual(['Autumn reminder', 'Black Friday', 'Spring offer']);
    await fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(names()).toEqual(['Spring offer', 'Black Friday', 'Autumn reminder']);
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Search campaigns' }), {
      target: { value: 'friday' },
    });
    expect(names()).toEqual(['Black Friday']);
    expect(screen.getByText(/1 of 3 campaigns match/)).toBeInTheDocument();
  });

  it('offers a new campaign when there is none', async () => {
    let started = 0;
    render(CampaignsScreen, {
      api: fakeApi({ 'campaigns.list': () => [] }),
      onOpen: () => {},
      onNew: () => started++,
    });
    await screen.findByText('No campaigns yet');
    const buttons = screen.getAllByRole('button', { name: 'New campaign' });
    await fireEvent.click(buttons[buttons.length - 1]!);
    expect(started).toBe(1);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says what went wrong when the list cannot load', async () => {
    const api = fakeApi({
      'campaigns.list': () => {
        throw new Error('database is locked');
      },
    });
    render(CampaignsScreen, { api, onOpen: () => {}, onNew: () => {} });
    expect(await screen.findByRole('alert')).toHaveTextContent('database is locked');
  });
});
