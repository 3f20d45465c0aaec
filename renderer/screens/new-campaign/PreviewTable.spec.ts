import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { importRecipients } from '../../../shared/import';
import { compileTemplate, previewRow, type RowPreview } from '../../../shared/sms';
import type { ImportedRecipient } from '../../../shared/types';
import type { SortSpec } from './preview-model-sort';
import PreviewTable from './PreviewTable.svelte';
import { firstCells as firstCellsOf } from '../../testing/table';

function rowsOf(csv: string): ImportedRecipient[] {
  const outcome = importRecipients(new TextEncoder().encode(csv), {
    fileName: 'c.csv',
    defaultCountry: 'EE',
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result.recipients;
}

const ROWS = rowsOf('name,phone\nAnn,+37251234567\nZoë,+37251234568\nBob,12\n');

function previews(rows: readonly ImportedRecipient[]): (index: number) => RowPreview {
  const compiled = compileTemplate('Hi {{name}}', ['name', 'phone']);
  if (!compiled.ok) throw new Error('template');
  const options = { autoconvert: 'off' as const, prices: {}, table: {}, typicalSegments: 1 };
  return (i) => previewRow(compiled.template, rows[i]!.fields, rows[i]!.to, options);
}

function setup(props: { indices?: Uint32Array | null; sort?: SortSpec; sortable?: boolean } = {}) {
  const onSort = vi.fn();
  const indices = props.indices ?? null;
  render(PreviewTable, {
    rows: ROWS,
    indices,
    count: indices ? indices.length : ROWS.length,
    rowAt: previews(ROWS),
    headerRow: 1,
    plan: null,
    times: null,
    sort: props.sort ?? { key: 'row', direction: 'ascending' },
    sortable: props.sortable ?? true,
    onSort,
    autoconvert: 'off',
    pricing: { prices: {}, table: {} },
  });
  const table = screen.getByRole('table', { name: 'Preview' });
  const firstCells = (): string[] => firstCellsOf(table);
  return { onSort, table, firstCells };
}

describe('PreviewTable', () => {
  it('shows the rows in the order given, by spreadsheet row, with the sort on its header', async () => {
    const { onSort, table, firstCells } = setup({
      indices: Uint32Array.from([2, 0]),
      sort: { key: 'phone', direction: 'descending' },
    });
    expect(firstCells()).toEqual(['4', '2']);
    const phone = within(table).getByRole('columnheader', { name: /Phone/ });
    expect(phone).toHaveAttribute('aria-sort', 'descending');
    expect(phone).toHaveTextContent('Phone ▼');
    expect(within(table).getByRole('columnheader', { name: 'Row' })).not.toHaveAttribute('aria-sort');
    await fireEvent.click(
      within(within(table).getByRole('columnheader', { name: 'Cost' })).getByRole('button'),
    );
    expect(onSort).toHaveBeenCalledWith('cost');
  });

  it('keeps the sort buttons off until the rows can be sorted', () => {
    const { table } = setup({ sortable: false });
    const buttons = within(table)
      .getAllByRole('columnheader')
      .flatMap((h) => within(h).queryAllByRole('button'));
    expect(buttons).toHaveLength(5);
    for (const b of buttons) expect(b).toBeDisabled();
  });

  it("opens a row's detail on click and hands focus back to that row when it closes", async () => {
    const { table } = setup();
    const bob = within(table).getByRole('button', { name: 'Row 4: details' });
    await fireEvent.click(bob);
    const dialog = screen.getByRole('dialog', { name: 'Row 4: 12' });
    expect(dialog).toHaveTextContent('Not sent: Too short');
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(bob).toHaveFocus());
    expect(bob.tabIndex).toBe(0);
  });
});
