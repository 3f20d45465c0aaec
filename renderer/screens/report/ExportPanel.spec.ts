import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../shared/types';
import ExportPanel from './ExportPanel.svelte';
import { fakeApi } from './test-api';

function setup(result: ExportResult | Error) {
  const api = fakeApi({
    'reports.export': () => {
      if (result instanceof Error) throw result;
      return result;
    },
  });
  render(ExportPanel, { api, campaignId: 9 });
  return api;
}

describe('ExportPanel', () => {
  it('says where the desktop app saved the report, failed rows only when asked', async () => {
    const api = setup({ kind: 'saved', path: '/home/ann/report.csv', rows: 1234 });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Failed rows only' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Export delivery report' }));
    expect(await screen.findByText('Saved to /home/ann/report.csv (1,234 rows)')).toBeTruthy();
    expect(api.callsTo('reports.export')).toEqual([{ id: 9, failedOnly: true }]);
  });

  it('downloads the web host url through a link', async () => {
    const clicked: string[] = [];
    const onClick = (e: Event) => {
      clicked.push((e.target as HTMLAnchorElement).getAttribute('href') ?? '');
      e.preventDefault();
    };
    document.addEventListener('click', onClick);
    try {
      const api = setup({ kind: 'download', url: '/exports/9.csv?token=x' });
      await fireEvent.click(screen.getByRole('button', { name: 'Export delivery report' }));
      await screen.findByText('The delivery report is downloading.');
      expect(api.callsTo('reports.export')).toEqual([{ id: 9, failedOnly: false }]);
    } finally {
      document.removeEventListener('click', onClick);
    }
    expect(clicked).toContain('/exports/9.csv?token=x');
  });

  it('does nothing visible when the save dialog was cancelled', async () => {
    setup({ kind: 'cancelled' });
    await fireEvent.click(screen.getByRole('button', { name: 'Export delivery report' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a failure', async () => {
    setup(new Error('disk full'));
    await fireEvent.click(screen.getByRole('button', { name: 'Export delivery report' }));
    expect((await screen.findByRole('alert')).textContent).toContain('disk full');
  });
});
