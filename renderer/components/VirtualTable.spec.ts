import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import VirtualTable from './VirtualTable.svelte';

const header = createRawSnippet(() => ({ render: () => '<div role="columnheader">Row</div>' }));
const row = createRawSnippet((index: () => number) => ({
  render: () => `<div role="cell">row ${index() + 1}</div>`,
}));

describe('VirtualTable', () => {
  it('renders only a window of a million rows and moves it on scroll', async () => {
    render(VirtualTable, { label: 'Preview', count: 1_000_000, columns: '1fr', header, row });
    const table = screen.getByRole('table', { name: 'Preview' });
    expect(table.getAttribute('aria-rowcount')).toBe('1000001');
    expect(within(table).getByRole('columnheader', { name: 'Row' })).toBeTruthy();
    const before = within(table).getAllByRole('cell');
    expect(before.length).toBeLessThan(100);
    expect(before[0]?.textContent).toBe('row 1');

    const scroller = screen.getByRole('rowgroup', { name: 'Preview rows' });
    scroller.scrollTop = 28 * 500_000;
    await fireEvent.scroll(scroller);
    const after = within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(after).toContain('row 500001');
    expect(after).not.toContain('row 1');
  });
});
