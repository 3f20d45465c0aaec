import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import ConfirmDialog from './ConfirmDialog.svelte';

const body = createRawSnippet(() => ({ render: () => '<p>42 messages have not been sent yet.</p>' }));

describe('ConfirmDialog', () => {
  it('asks, starts on the safe choice and answers either way', async () => {
    const answers: string[] = [];
    render(ConfirmDialog, {
      title: 'Cancel this campaign?',
      confirmLabel: 'Cancel campaign',
      keepLabel: 'Keep sending',
      children: body,
      onConfirm: () => answers.push('confirm'),
      onKeep: () => answers.push('keep'),
    });
    const dialog = screen.getByRole('dialog', { name: 'Cancel this campaign?' });
    expect(dialog).toHaveTextContent('42 messages');
    expect(screen.getByRole('button', { name: 'Keep sending' })).toHaveFocus();
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel campaign' }));
    expect(answers).toEqual(['keep', 'confirm']);
  });

  it('gives focus back to the control that opened it, and keeps Tab inside while open', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'Discard draft';
    document.body.append(opener);
    opener.focus();
    const { unmount } = render(ConfirmDialog, {
      title: 'Discard this draft?',
      confirmLabel: 'Discard',
      keepLabel: 'Keep editing',
      children: body,
      onConfirm: () => {},
      onKeep: () => {},
    });
    const keep = screen.getByRole('button', { name: 'Keep editing' });
    const discard = screen.getByRole('button', { name: 'Discard' });
    expect(keep).toHaveFocus();
    discard.focus();
    await fireEvent.keyDown(discard, { key: 'Tab' });
    expect(keep).toHaveFocus();
    await fireEvent.keyDown(keep, { key: 'Tab', shiftKey: true });
    expect(discard).toHaveFocus();
    unmount();
    await waitFor(() => expect(opener).toHaveFocus());
    opener.remove();
  });
});
