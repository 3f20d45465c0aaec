import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../testing/fake-api';
import ReplacementsEditor from './ReplacementsEditor.svelte';

describe('ReplacementsEditor', () => {
  it('loads, saves and shows problems with line numbers', async () => {
    let attempt = 0;
    const api = fakeApi({
      'replacements.get': () => ({ text: "’ => '", problems: [], saved: true }),
      'replacements.set': (args: { text: string }) =>
        ++attempt === 1
          ? {
              text: args.text,
              problems: ['Line 2: expected "character => replacement", found "oops".'],
              saved: false,
            }
          : { text: args.text.trim(), problems: [], saved: true },
    });
    render(ReplacementsEditor, { api });
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Replacement table' });
    await screen.findByDisplayValue("’ => '");
    await fireEvent.input(box, { target: { value: "’ => '\noops" } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save replacement table' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Line 2');
    expect(box.value).toBe("’ => '\noops");
    await fireEvent.input(box, { target: { value: "’ => '\n" } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save replacement table' }));
    expect(await screen.findByText('Replacement table saved.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(api.callsTo('replacements.set')).toEqual([{ text: "’ => '\noops" }, { text: "’ => '\n" }]);
  });

  it('says when the table cannot be loaded and keeps it read-only', async () => {
    const api = fakeApi({
      'replacements.get': () => {
        throw new Error('file is corrupt');
      },
    });
    render(ReplacementsEditor, { api });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not load the replacement table: file is corrupt',
    );
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Replacement table' })).toBeDisabled();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save replacement table' })).toBeDisabled();
  });
});
