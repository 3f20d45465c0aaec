import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CsvImportButton from './CsvImportButton.svelte';

describe('CsvImportButton', () => {
  it('opens the picker of its hidden CSV input and hands on the file picked', async () => {
    const picked: string[] = [];
    render(CsvImportButton, {
      label: 'Import prices (CSV)',
      fileLabel: 'Prices CSV file',
      disabled: false,
      onPick: (e: Event) => picked.push((e.currentTarget as HTMLInputElement).files?.[0]?.name ?? ''),
    });
    const input = screen.getByLabelText<HTMLInputElement>('Prices CSV file');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', '.csv,text/csv,text/plain');
    let opened = 0;
    input.addEventListener('click', () => opened++);
    await fireEvent.click(screen.getByRole('button', { name: 'Import prices (CSV)' }));
    expect(opened).toBe(1);
    await fireEvent.change(input, { target: { files: [new File(['EE;0.05'], 'prices.csv')] } });
    expect(picked).toEqual(['prices.csv']);
  });

  it('is off while the panel works', () => {
    render(CsvImportButton, {
      label: 'Import opt-outs (CSV)',
      fileLabel: 'Opt-outs CSV file',
      disabled: true,
      onPick: () => {},
    });
    expect(screen.getByRole('button', { name: 'Import opt-outs (CSV)' })).toBeDisabled();
  });
});
