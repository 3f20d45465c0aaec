import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../shared/import/model';
import ImportReport from './ImportReport.svelte';
import { importResult, recipient } from '../testing/results';

function result(): ImportResult {
  return importResult({
    fileName: 'clients.csv',
    delimiter: ';',
    recipients: [
      recipient(1, ['Ann', '+37251234567']),
      recipient(2, ['Bob', '12'], { to: null, status: 'invalid', reason: 'Too short' }),
      recipient(3, ['Cy', '+37251234567'], { status: 'duplicate', reason: 'Same number as row 2' }),
    ],
    problems: [{ row: 5, column: null, message: 'Row has 3 values; the header has 2.' }],
  });
}

describe('ImportReport', () => {
  it('counts each status and lists rejected rows by spreadsheet row with their reason', async () => {
    const onDownloadRejected = vi.fn();
    render(ImportReport, { result: result(), onDownloadRejected });
    const region = screen.getByRole('region', { name: 'Import report' });
    expect(region).toHaveTextContent('1 ready');
    expect(region).toHaveTextContent('1 invalid');
    expect(region).toHaveTextContent('1 duplicate');
    const rows = within(screen.getByRole('table', { name: 'Rejected rows' })).getAllByRole('row');
    // Data row 2 is spreadsheet row 3 because the header takes row 1.
    expect(rows[1]?.textContent).toBe('312Too short');
    expect(screen.getByText(/Row 5: Row has 3 values/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Download rejected rows' }));
    expect(onDownloadRejected).toHaveBeenCalledOnce();
  });

  it('offers no download when every row is fine', () => {
    const r = result();
    r.recipients = r.recipients.slice(0, 1);
    r.counts = { total: 1, ok: 1, invalid: 0, duplicate: 0, opted_out: 0, blankLinesSkipped: 0 };
    render(ImportReport, { result: r, onDownloadRejected: () => {} });
    expect(screen.queryByRole('button', { name: 'Download rejected rows' })).not.toBeInTheDocument();
  });
});
