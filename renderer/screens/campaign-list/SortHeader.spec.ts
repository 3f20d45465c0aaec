import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SortHeader from './SortHeader.svelte';
import type { SortKey } from './campaign-list';

function renderHeader(sortKey: SortKey, onSort: (key: SortKey) => void) {
  const table = document.createElement('table');
  const tr = table.appendChild(document.createElement('thead')).appendChild(document.createElement('tr'));
  document.body.append(table);
  return render(SortHeader, {
    target: tr,
    props: { label: 'Name', key: 'name', sortKey, direction: 'descending', onSort },
  });
}

describe('SortHeader', () => {
  it('announces its order when it is the sorted column and sorts on click', async () => {
    const pressed: SortKey[] = [];
    renderHeader('name', (key) => pressed.push(key));
    const header = screen.getByRole('columnheader', { name: 'Name' });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    await fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(pressed).toEqual(['name']);
  });

  it('says none when another column is sorted', () => {
    renderHeader('created', () => {});
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'none');
  });
});
