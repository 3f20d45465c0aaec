import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { PricesState } from '../../../shared/contract';
import { fakeApi } from '../../testing/fake-api';
import PricesPanel from './PricesPanel.svelte';

const fetched: PricesState = {
  table: { EE: { minMicros: 60_000, maxMicros: 70_000, networks: 2 } },
  source: 'messente',
  fetchedAt: '2026-03-07T09:00:00Z',
};

describe('PricesPanel', () => {
  it('fetches, says when the cache was used, and shows the table', async () => {
    let calls = 0;
    const api = fakeApi({
      'prices.get': () => ({ table: {}, source: 'none', fetchedAt: null }),
      'prices.fetch': () => ({
        ...fetched,
        fromCache: ++calls > 1,
        nextFetchAt: '2026-03-07T11:00:00Z',
        problems:
          calls > 1
            ? ['Prices were fetched from Messente less than 2 hours ago; the saved list is used.']
            : [],
      }),
    });
    render(PricesPanel, { api });
    expect(await screen.findByTestId('price-source')).toHaveTextContent('no prices yet');
    await fireEvent.click(screen.getByRole('button', { name: 'Fetch prices from Messente' }));
    expect(await screen.findByText('Fetched prices for 1 countries.')).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /EE/ });
    expect(row).toHaveTextContent('€0.06–€0.07 (2 networks)');
    expect(screen.getByTestId('price-source')).toHaveTextContent('fetched from Messente');
    await fireEvent.click(screen.getByRole('button', { name: 'Fetch prices from Messente' }));
    expect(await screen.findByText(/less than 2 hours ago/)).toBeInTheDocument();
  });

  it('imports a CSV read in the renderer and lists the problems', async () => {
    const api = fakeApi({
      'prices.get': () => ({ table: {}, source: 'none', fetchedAt: null }),
      'prices.import': () => ({
        table: { LV: { minMicros: 50_000, maxMicros: 50_000, networks: 1 } },
        source: 'file',
        fetchedAt: null,
        problems: ['mine.csv: Line 3: price "x" is not a number of euros such as 0.06.'],
      }),
    });
    render(PricesPanel, { api });
    expect(screen.getByRole('button', { name: 'Import prices (CSV)' })).toBeInTheDocument();
    const file = new File(['country,price\nLV,0.05\nEE,x\n'], 'mine.csv', { type: 'text/csv' });
    await fireEvent.change(screen.getByLabelText('Prices CSV file'), { target: { files: [file] } });
    expect(await screen.findByText('Imported mine.csv.')).toBeInTheDocument();
    expect(api.callsTo('prices.import')).toEqual([
      { csv: 'country,price\nLV,0.05\nEE,x\n', fileName: 'mine.csv' },
    ]);
    expect(screen.getByRole('list', { name: 'Price problems' })).toHaveTextContent('Line 3');
  });

  it('edits, adds and removes prices by hand', async () => {
    const api = fakeApi({
      'prices.get': () => fetched,
      'prices.set': (args: { country: string; price: string | null }) => ({
        table:
          args.price === null
            ? {}
            : { [args.country]: { minMicros: 80_000, maxMicros: 80_000, networks: 1 } },
        source: 'manual',
        fetchedAt: fetched.fetchedAt,
      }),
    });
    render(PricesPanel, { api });
    const row = await screen.findByRole('row', { name: /EE/ });
    await fireEvent.input(within(row).getByRole('textbox', { name: 'New price for EE' }), {
      target: { value: '0.08' },
    });
    await fireEvent.click(within(row).getByRole('button', { name: 'Save price for EE' }));
    expect(await screen.findByText('Saved the price for EE.')).toBeInTheDocument();
    await fireEvent.input(screen.getByRole('textbox', { name: 'Country code' }), { target: { value: 'fi' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Price per segment (EUR)' }), {
      target: { value: '0,08' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Set price' }));
    expect(await screen.findByText('Saved the price for FI.')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove price for FI' }));
    // Asked first: keeping it changes nothing.
    await fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(api.callsTo('prices.set')).toHaveLength(2);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove price for FI' }));
    expect(screen.getByRole('dialog', { name: 'Remove the price for FI?' })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove price' }));
    expect(await screen.findByText('Removed the price for FI.')).toBeInTheDocument();
    expect(api.callsTo('prices.set')).toEqual([
      { country: 'EE', price: '0.08' },
      { country: 'FI', price: '0,08' },
      { country: 'FI', price: null },
    ]);
  });
});
