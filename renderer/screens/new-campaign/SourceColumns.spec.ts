import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../../shared/import/model';
import SourceColumns from './SourceColumns.svelte';
import { importResult } from '../../testing/results';

const result = (over: Partial<ImportResult> = {}): ImportResult =>
  importResult({
    fileName: 'k.xlsx',
    header: ['Name', 'Phone', 'Riik'],
    phoneColumnName: 'Phone',
    countryColumn: 2,
    countryColumnName: 'Riik',
    ...over,
  });

describe('SourceColumns', () => {
  it('shows the detected country column and reports a choice by name, or none', async () => {
    const onCountryColumn = vi.fn();
    render(SourceColumns, { result: result(), disabled: false, onCountryColumn, onSheet: () => {} });
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Country column' });
    expect(select.value).toBe('2');
    // The phone column is never offered as the country column.
    expect([...select.options].map((o) => o.text)).toEqual(['None: use the default country', 'Name', 'Riik']);
    await fireEvent.change(select, { target: { value: '0' } });
    expect(onCountryColumn).toHaveBeenLastCalledWith('Name');
    await fireEvent.change(select, { target: { value: '' } });
    expect(onCountryColumn).toHaveBeenLastCalledWith(null);
  });

  it('offers the sheets of a workbook with more than one', async () => {
    const onSheet = vi.fn();
    const { rerender } = render(SourceColumns, {
      result: result(),
      disabled: false,
      onCountryColumn: () => {},
      onSheet,
    });
    expect(screen.queryByRole('combobox', { name: 'Sheet' })).not.toBeInTheDocument();
    await rerender({ result: result({ sheets: ['Kliendid', 'Muu'], sheet: 'Kliendid' }) });
    const sheet = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Sheet' });
    expect(sheet.value).toBe('Kliendid');
    await fireEvent.change(sheet, { target: { value: 'Muu' } });
    expect(onSheet).toHaveBeenCalledWith('Muu');
  });

  it('is disabled until a file is imported', () => {
    render(SourceColumns, { result: null, disabled: false, onCountryColumn: () => {}, onSheet: () => {} });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Country column' })).toBeDisabled();
  });
});
