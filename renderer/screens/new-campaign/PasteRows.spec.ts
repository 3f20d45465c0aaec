import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import PasteRows from './PasteRows.svelte';

describe('PasteRows', () => {
  it('imports pasted text only once there is some', async () => {
    const onImport = vi.fn();
    render(PasteRows, { disabled: false, onImport });
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Import pasted rows' });
    expect(button).toBeDisabled();
    await fireEvent.input(screen.getByRole('textbox', { name: 'Pasted rows (with a header line)' }), {
      target: { value: 'name,phone\nAnn,+37251234567' },
    });
    await fireEvent.click(button);
    expect(onImport).toHaveBeenCalledWith('name,phone\nAnn,+37251234567');
  });
});
