import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import FileDrop from './FileDrop.svelte';

describe('FileDrop', () => {
  it('hands on a picked file', async () => {
    const onFile = vi.fn();
    render(FileDrop, { label: 'Recipients file (CSV)', accept: '.csv', onFile });
    const input = screen.getByLabelText('Recipients file (CSV)');
    const file = new File(['phone\n+37251234567\n'], 'list.csv', { type: 'text/csv' });
    await fireEvent.change(input, { target: { files: [file] } });
    expect(onFile).toHaveBeenCalledWith(file);
  });

  it('hands on a dropped file', async () => {
    const onFile = vi.fn();
    render(FileDrop, { label: 'Recipients file (CSV)', accept: '.csv', onFile });
    const file = new File(['x'], 'dropped.csv');
    await fireEvent.drop(screen.getByRole('group', { name: 'Drop zone' }), {
      dataTransfer: { files: [file] },
    });
    expect(onFile).toHaveBeenCalledWith(file);
  });

  it('names the file in use, however it came', async () => {
    const view = render(FileDrop, { label: 'Recipients file (CSV)', accept: '.csv', onFile: () => {} });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await view.rerender({ current: 'clients.csv' });
    expect(screen.getByRole('status').textContent).toBe('In use: clients.csv');
  });
});
