import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { createRawSnippet, tick } from 'svelte';
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
    expect(table).toHaveAttribute('aria-rowcount', '1000001');
    expect(within(table).getByRole('columnheader', { name: 'Row' })).toBeInTheDocument();
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

  it('tells a paged source which rows it renders, and again after a scroll', async () => {
    const ranges: [number, number][] = [];
    render(VirtualTable, {
      label: 'Paged',
      count: 10_000,
      columns: '1fr',
      header,
      row,
      onrange: (first: number, last: number) => ranges.push([first, last]),
    });
    await tick();
    // No layout in jsdom: a screenful of 600px is assumed, plus the overscan below it.
    expect(ranges).toEqual([[0, 30]]);
    const scroller = screen.getByRole('rowgroup', { name: 'Paged rows' });
    scroller.scrollTop = 28 * 1_000;
    await fireEvent.scroll(scroller);
    expect(ranges.at(-1)).toEqual([992, 1030]);
  });

  it('reports an empty range, never an inverted one, while there are no rows', async () => {
    const ranges: [number, number][] = [];
    const view = render(VirtualTable, {
      label: 'Paged',
      count: 100,
      columns: '1fr',
      header,
      row,
      onrange: (first: number, last: number) => ranges.push([first, last]),
    });
    const scroller = screen.getByRole('rowgroup', { name: 'Paged rows' });
    scroller.scrollTop = 28 * 90;
    await fireEvent.scroll(scroller);
    await view.rerender({ count: 0 });
    expect(ranges.at(-1)).toEqual([0, 0]);
  });

  it('goes back to the first row on scrollToTop', async () => {
    const view = render(VirtualTable, { label: 'Preview', count: 1_000, columns: '1fr', header, row });
    const scroller = screen.getByRole('rowgroup', { name: 'Preview rows' });
    scroller.scrollTop = 28 * 500;
    await fireEvent.scroll(scroller);
    expect(screen.queryByText('row 1')).not.toBeInTheDocument();
    (view.component as { scrollToTop(): void }).scrollToTop();
    await tick();
    expect(scroller.scrollTop).toBe(0);
    expect(screen.getByText('row 1')).toBeInTheDocument();
  });

  it('marks itself busy and shows a footer and the empty snippet when asked', () => {
    const empty = createRawSnippet(() => ({ render: () => '<span>Loading rows…</span>' }));
    const footer = createRawSnippet(() => ({ render: () => '<span>0 rows</span>' }));
    render(VirtualTable, {
      label: 'Paged',
      count: 0,
      columns: '1fr',
      header,
      row,
      empty,
      footer,
      busy: true,
    });
    const table = screen.getByRole('table', { name: 'Paged' });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(within(table).getByText('Loading rows…')).toBeInTheDocument();
    expect(within(table).getByText('0 rows')).toBeInTheDocument();
    expect(within(table).queryAllByRole('cell')).toHaveLength(0);
  });
});
