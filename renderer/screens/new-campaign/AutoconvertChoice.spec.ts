import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import AutoconvertChoice from './AutoconvertChoice.svelte';

describe('AutoconvertChoice', () => {
  it('checks the current mode, explains each and reports a change', async () => {
    const onChange = vi.fn();
    render(AutoconvertChoice, { value: 'on', onChange });
    const group = screen.getByRole('radiogroup', { name: 'Autoconvert' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'On' }).checked).toBe(true);
    expect(screen.getByRole('radio', { name: 'Off' })).toHaveAttribute('aria-describedby');
    await fireEvent.click(screen.getByRole('radio', { name: 'Full' }));
    expect(onChange).toHaveBeenCalledWith('full');
  });
});
