import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../../shared/import/model';
import ImportChoices from './ImportChoices.svelte';

const result: ImportResult = {
  fileName: 'k.csv',
  encoding: 'utf-8',
  delimiter: ';',
  headerRow: 1,
  header: ['Name', 'Phone', 'Mobile'],
  headerIssues: [],
  phoneColumn: 1,
  phoneColumnName: 'Phone',
  phoneCandidates: [1],
  countryColumn: null,
  countryColumnName: null,
  recipients: [],
  counts: { total: 0, ok: 0, invalid: 0, duplicate: 0, opted_out: 0, blankLinesSkipped: 0 },
  problems: [],
};

function setup(props: {
  result?: ImportResult | null;
  unmatchedColumns?: string[] | null;
  disabled?: boolean;
}) {
  const handlers = {
    onPhoneColumn: vi.fn(),
    onCountryColumn: vi.fn(),
    onSheet: vi.fn(),
    onLayout: vi.fn(),
    onCountry: vi.fn(),
  };
  const r = props.result === undefined ? result : props.result;
  render(ImportChoices, {
    result: r,
    unmatchedColumns: props.unmatchedColumns ?? null,
    layout: r ? { headerRow: r.headerRow, delimiter: r.delimiter, encoding: r.encoding } : null,
    country: 'EE',
    disabled: props.disabled ?? false,
    ...handlers,
  });
  const phone = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Phone column' });
  return { ...handlers, phone };
}

describe('ImportChoices', () => {
  it('offers every column as the phone column, says which had no numbers, and reports the choice', async () => {
    const { phone, onPhoneColumn } = setup({});
    expect(phone.value).toBe('1');
    expect([...phone.options].map((o) => o.text)).toEqual([
      'Name (no numbers seen)',
      'Phone',
      'Mobile (no numbers seen)',
    ]);
    await fireEvent.change(phone, { target: { value: '2' } });
    expect(onPhoneColumn).toHaveBeenCalledWith(2);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Delimiter' }).value).toBe(';');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Default country' }).value).toBe('EE');
  });

  it('lets a refused file choose among its columns', async () => {
    const { phone, onPhoneColumn } = setup({ result: null, unmatchedColumns: ['name', 'contact'] });
    expect(phone).toBeEnabled();
    expect([...phone.options].map((o) => o.text)).toEqual(['Choose the phone column…', 'name', 'contact']);
    await fireEvent.change(phone, { target: { value: '1' } });
    expect(onPhoneColumn).toHaveBeenCalledWith(1);
  });

  it('waits for a file before offering a phone column', () => {
    const { phone } = setup({ result: null });
    expect(phone).toBeDisabled();
    expect(phone).toHaveTextContent('Choose a file first');
  });

  it('holds every choice while an import runs', () => {
    const { phone } = setup({ disabled: true });
    expect(phone).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Country column' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Default country' })).toBeDisabled();
  });
});
