import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { OptOutEntry } from '../../../shared/contract';
import { fakeApi } from '../../testing/fake-api';
import OptOutsPanel from './OptOutsPanel.svelte';

function listApi(extra: Parameters<typeof fakeApi>[0] = {}) {
  const list: OptOutEntry[] = [{ phone: '+37251234567', addedAt: '2026-03-07T09:00:00Z', source: 'manual' }];
  const api = fakeApi({
    'optOuts.list': () => ({ total: list.length, phones: [...list] }),
    'optOuts.add': (args: { phones: string[] }) => {
      list.push({ phone: '+37251234568', addedAt: '2026-03-07T10:00:00Z', source: 'manual' });
      return {
        added: 1,
        alreadyListed: 0,
        invalid: args.phones.includes('12') ? [{ line: 2, value: '12', reason: 'Too short' }] : [],
        total: list.length,
      };
    },
    'optOuts.remove': (args: { phone: string }) => {
      list.splice(
        list.findIndex((e) => e.phone === args.phone),
        1,
      );
      return { removed: true, total: list.length };
    },
    ...extra,
  });
  return api;
}

describe('OptOutsPanel', () => {
  it('adds typed numbers with the default country and names invalid lines', async () => {
    const api = listApi();
    render(OptOutsPanel, { api, defaultCountry: 'EE' });
    expect(await screen.findByText('+37251234567')).toBeInTheDocument();
    await fireEvent.input(screen.getByRole('textbox', { name: /Numbers to opt out/ }), {
      target: { value: '5123 4568\n12' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Add opt-outs' }));
    expect(await screen.findByText('Added 1 number.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Line 2: "12": Too short');
    expect(api.callsTo('optOuts.add')).toEqual([{ phones: ['5123 4568', '12'], defaultCountry: 'EE' }]);
    expect(await screen.findByText('+37251234568')).toBeInTheDocument();
  });

  it('removes, exports, imports and syncs', async () => {
    const api = listApi({
      'optOuts.export': () => ({ kind: 'saved', path: '/tmp/opt-outs.csv', rows: 1 }),
      'optOuts.import': () => ({ added: 2, alreadyListed: 1, invalid: [], total: 3 }),
      'optOuts.sync': () => ({ pulled: 3, pushed: 1, skipped: 0, total: 4 }),
    });
    render(OptOutsPanel, { api, defaultCountry: 'LV' });
    const removeButton = await screen.findByRole('button', { name: 'Remove +37251234567' });
    // Asked first; keeping it removes nothing.
    await fireEvent.click(removeButton);
    await fireEvent.click(screen.getByRole('button', { name: 'Keep it opted out' }));
    expect(api.callsTo('optOuts.remove')).toEqual([]);
    await fireEvent.click(removeButton);
    expect(
      screen.getByRole('dialog', { name: 'Remove +37251234567 from the opt-out list?' }),
    ).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText(/Removed \+37251234567/)).toBeInTheDocument();
    expect(api.callsTo('optOuts.remove')).toEqual([{ phone: '+37251234567' }]);
    expect(screen.queryByText('+37251234567')).not.toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Export opt-outs' }));
    expect(await screen.findByText('Saved 1 number to /tmp/opt-outs.csv.')).toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Import opt-outs (CSV)' })).toBeInTheDocument();
    const file = new File(['phone\n+37111111111\n'], 'stop.csv', { type: 'text/csv' });
    await fireEvent.change(screen.getByLabelText('Opt-outs CSV file'), { target: { files: [file] } });
    expect(await screen.findByText('stop.csv: added 2 numbers; 1 already listed.')).toBeInTheDocument();
    expect(api.callsTo('optOuts.import')).toEqual([
      { csv: 'phone\n+37111111111\n', fileName: 'stop.csv', defaultCountry: 'LV' },
    ]);

    await fireEvent.click(screen.getByRole('button', { name: 'Sync with Messente' }));
    expect(
      await screen.findByText('Synced: 3 numbers taken from Messente, 1 number sent to it.'),
    ).toBeInTheDocument();
  });

  it('says what failed', async () => {
    const api = listApi({
      'optOuts.sync': () => {
        throw new Error('Sync with Messente stopped: 403');
      },
    });
    render(OptOutsPanel, { api, defaultCountry: 'EE' });
    await screen.findByText('+37251234567');
    await fireEvent.click(screen.getByRole('button', { name: 'Sync with Messente' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not sync with Messente: Sync with Messente stopped: 403',
    );
  });
});
