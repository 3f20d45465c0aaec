import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import DelimiterSelect from './DelimiterSelect.svelte';

describe('DelimiterSelect', () => {
  it('starts on the default and reports a chosen delimiter, or the default again', async () => {
    const onChange = vi.fn();
    render(DelimiterSelect, { value: null, onChange });
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Delimiter' });
    expect(select.value).toBe('');
    expect([...select.options].map((o) => o.text)).toEqual([
      'As the imported file',
      'Comma ,',
      'Semicolon ;',
      'Tab',
    ]);
    await fireEvent.change(select, { target: { value: ';' } });
    expect(onChange).toHaveBeenLastCalledWith(';');
    await fireEvent.change(select, { target: { value: '\t' } });
    expect(onChange).toHaveBeenLastCalledWith('\t');
    await fireEvent.change(select, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith(null);
  });
});
