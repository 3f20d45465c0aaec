import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import TemplateFiles from './TemplateFiles.svelte';

function choose(input: HTMLElement, file: File): Promise<boolean> {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  return fireEvent.change(input);
}

describe('TemplateFiles', () => {
  it('reads a UTF-8 .txt template, dropping the BOM and the trailing newline', async () => {
    const onUse = vi.fn();
    render(TemplateFiles, { current: '', onUse });
    const file = new File(['\ufeffHi {{name}},\r\nsee you!\r\n'], 'reminder.txt', { type: 'text/plain' });
    await choose(screen.getByLabelText('Import template (.txt)'), file);
    await vi.waitFor(() => expect(onUse).toHaveBeenCalledWith('Hi {{name}},\nsee you!'));
    expect(screen.getByRole('status').textContent).toBe('Template read from reminder.txt.');
  });

  it('refuses a file that is not UTF-8 text, naming it', async () => {
    const onUse = vi.fn();
    render(TemplateFiles, { current: '', onUse });
    const file = new File([new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x00])], 'photo.txt');
    await choose(screen.getByLabelText('Import template (.txt)'), file);
    expect(await screen.findByRole('alert')).toHaveTextContent('photo.txt is not a UTF-8 text file');
    expect(onUse).not.toHaveBeenCalled();
  });

  it('offers the current template for download only when there is one', () => {
    render(TemplateFiles, { current: '', onUse: () => {} });
    expect(screen.getByRole('button', { name: 'Export template (.txt)' })).toHaveProperty('disabled', true);
  });
});
