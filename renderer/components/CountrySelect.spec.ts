import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CountrySelect from './CountrySelect.svelte';

describe('CountrySelect', () => {
  it('shows country names, selects the value and reports the chosen code', async () => {
    const onChange = vi.fn();
    render(CountrySelect, { label: 'Default country', value: 'EE', onChange });
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Default country' });
    expect(select.value).toBe('EE');
    expect(screen.getByRole('option', { name: 'Estonia (EE)' })).toBeInTheDocument();
    await fireEvent.change(select, { target: { value: 'FI' } });
    expect(onChange).toHaveBeenCalledWith('FI');
  });
});
