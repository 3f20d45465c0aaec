import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import FileLayout from './FileLayout.svelte';

describe('FileLayout', () => {
  it('shows the detected layout and reports each override with the rest unchanged', async () => {
    const onChange = vi.fn();
    render(FileLayout, {
      layout: { headerRow: 1, delimiter: ';', encoding: 'windows-1252' },
      disabled: false,
      onChange,
    });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Delimiter' }).value).toBe(';');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'File encoding' }).value).toBe(
      'windows-1252',
    );
    await fireEvent.change(screen.getByRole('combobox', { name: 'Delimiter' }), { target: { value: '\t' } });
    expect(onChange).toHaveBeenLastCalledWith({ headerRow: 1, delimiter: '\t', encoding: 'windows-1252' });
    await fireEvent.change(screen.getByRole('spinbutton', { name: 'Header row' }), {
      target: { value: '3' },
    });
    expect(onChange).toHaveBeenLastCalledWith({ headerRow: 3, delimiter: ';', encoding: 'windows-1252' });
    await fireEvent.change(screen.getByRole('spinbutton', { name: 'Header row' }), {
      target: { value: '0' },
    });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('is disabled until a file is imported', () => {
    render(FileLayout, { layout: null, disabled: false, onChange: () => {} });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'File encoding' })).toBeDisabled();
  });
});
