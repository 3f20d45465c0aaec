import { within } from '@testing-library/svelte';

/** The first cell of every body row of a table, as the user reads them top to bottom. */
export function firstCells(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]?.textContent ?? '');
}
