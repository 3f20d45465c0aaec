import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../../shared/contract';
import type { ExportResult } from '../../../shared/types';
import ExportPanel from './ExportPanel.svelte';
import { fakeApi, type FakeHandlers } from '../../testing/fake-api';

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(result: ExportResult | Error | Promise<ExportResult>, more: FakeHandlers = {}) {
  const api = fakeApi({
    'reports.export': () => {
      if (result instanceof Error) throw result;
      return result;
    },
    'reports.cancelExport': () => ({ cancelled: true }),
    ...more,
  });
  render(ExportPanel, { api, campaignId: 9 });
  return api;
}

/** A desktop export that runs until the spec settles it. */
function pending() {
  let settle!: (r: ExportResult) => void;
  const promise = new Promise<ExportResult>((resolve) => (settle = resolve));
  return { promise, settle };
}

const exportButton = () => screen.getByRole('button', { name: 'Export delivery report' });
const bar = () => screen.queryByRole('progressbar', { name: 'Exporting delivery report' });

/** The id the panel gave its export, as main received it. */
function exportIdOf(api: ReturnType<typeof setup>): string {
  const id = api.callsTo('reports.export')[0]?.exportId;
  if (id === undefined) throw new Error('the panel started no export with an id');
  return id;
}

function tick(exportId: string, partial: Partial<ExportProgress> = {}): ExportProgress {
  return { exportId, rows: 0, total: 1_000_000, done: false, cancelled: false, ...partial };
}

describe('ExportPanel', () => {
  it('says where the desktop app saved the report, failed rows only when asked', async () => {
    const api = setup({ kind: 'saved', path: '/home/ann/report.csv', rows: 1234 });
    // A region of its own, not among the table's filters.
    expect(screen.getByRole('region', { name: 'Export' })).toContainElement(
      screen.getByRole('group', { name: 'Delivery report' }),
    );
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Failed rows only' }));
    await fireEvent.click(exportButton());
    expect(await screen.findByText('Saved to /home/ann/report.csv (1,234 rows)')).toBeInTheDocument();
    expect(api.callsTo('reports.export')).toEqual([
      { id: 9, failedOnly: true, exportId: expect.stringMatching(/^[0-9a-f]{24}$/) },
    ]);
  });

  it('exports with the delimiter chosen', async () => {
    const api = setup({ kind: 'saved', path: '/home/ann/report.csv', rows: 3 });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Delimiter' }), { target: { value: ';' } });
    await fireEvent.click(exportButton());
    await screen.findByText('Saved to /home/ann/report.csv (3 rows)');
    expect(api.callsTo('reports.export')).toEqual([
      { id: 9, failedOnly: false, exportId: expect.stringMatching(/^[0-9a-f]{24}$/), delimiter: ';' },
    ]);
  });

  it('gives every export its own id', async () => {
    const api = setup({ kind: 'cancelled' });
    await fireEvent.click(exportButton());
    await settle();
    await fireEvent.click(exportButton());
    await settle();
    const ids = api.callsTo('reports.export').map((a) => a.exportId);
    expect(new Set(ids).size).toBe(2);
  });

  it('shows the running export with a bar, "N of M rows" and Cancel; then says nothing was left', async () => {
    const job = pending();
    const api = setup(job.promise);
    await fireEvent.click(exportButton());
    await settle();
    // The save dialog is open: no bar until main starts writing.
    expect(bar()).not.toBeInTheDocument();
    const id = exportIdOf(api);
    api.emit('export.progress', tick(id, { rows: 0 }));
    api.emit('export.progress', tick(id, { rows: 400_000 }));
    api.emit('export.progress', tick('someone-else-1', { rows: 999_999 }));
    await settle();
    expect(bar()).toHaveAttribute('value', '400000');
    expect(bar()).toHaveAttribute('max', '1000000');
    expect(screen.getByText('400,000 of 1,000,000 rows')).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    await settle();
    expect(api.callsTo('reports.cancelExport')).toEqual([{ exportId: id }]);
    expect(screen.getByRole('button', { name: 'Cancel export' }) as HTMLButtonElement).toBeDisabled();

    api.emit('export.progress', tick(id, { rows: 412_000, done: true, cancelled: true }));
    job.settle({ kind: 'cancelled' });
    await settle();
    expect(bar()).not.toBeInTheDocument();
    expect(screen.getByRole('status').textContent).toBe('Export cancelled; no file was left.');
    expect(exportButton()).toBeInTheDocument();
  });

  it('shows rows written when the total is unknown', async () => {
    const job = pending();
    const api = setup(job.promise);
    await fireEvent.click(exportButton());
    await settle();
    api.emit('export.progress', tick(exportIdOf(api), { rows: 250, total: null }));
    await settle();
    expect(bar()).not.toHaveAttribute('value');
    expect(screen.getByText('250 rows')).toBeInTheDocument();
    job.settle({ kind: 'saved', path: '/tmp/r.csv', rows: 300 });
    expect(await screen.findByText('Saved to /tmp/r.csv (300 rows)')).toBeInTheDocument();
  });

  it('explains a failed cancel and keeps the export cancellable', async () => {
    const job = pending();
    const api = setup(job.promise, {
      'reports.cancelExport': () => {
        throw new Error('main is busy');
      },
    });
    await fireEvent.click(exportButton());
    await settle();
    api.emit('export.progress', tick(exportIdOf(api), { rows: 10 }));
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('main is busy');
    expect(alert).toHaveTextContent('press Cancel export again');
    expect(screen.getByRole('button', { name: 'Cancel export' }) as HTMLButtonElement).toBeEnabled();
    job.settle({ kind: 'saved', path: '/tmp/r.csv', rows: 10 });
    await settle();
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
      await fireEvent.click(exportButton());
      await screen.findByText('The delivery report is downloading.');
      expect(api.callsTo('reports.export')).toEqual([
        { id: 9, failedOnly: false, exportId: expect.any(String) },
      ]);
    } finally {
      document.removeEventListener('click', onClick);
    }
    expect(clicked).toContain('/exports/9.csv?token=x');
  });

  it('does nothing visible when the save dialog was cancelled', async () => {
    setup({ kind: 'cancelled' });
    await fireEvent.click(exportButton());
    await settle();
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("explains a failure in main's words, with what to do", async () => {
    setup(new Error('Could not write /x/r.csv (the disk is full). No file was saved. Choose another folder'));
    await fireEvent.click(exportButton());
    const text = (await screen.findByRole('alert')).textContent;
    expect(text).toContain('Could not export the delivery report');
    expect(text).toContain('the disk is full');
    expect(text).toContain('Choose another folder');
  });
});
