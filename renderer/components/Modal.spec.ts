import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import Modal from './Modal.svelte';

const withButtons = createRawSnippet(() => ({
  render: () =>
    '<div><p id="why">Nothing has been sent.</p><button>First</button><button>Last</button></div>',
}));
const plain = createRawSnippet(() => ({ render: () => '<p>Row 2 up close.</p>' }));
const closeButton = createRawSnippet(() => ({ render: () => '<button>Close</button>' }));

describe('Modal', () => {
  it('is a dialog named by its heading, described on request, focused when nothing inside took focus', () => {
    render(Modal, { title: 'Row 2', onClose: () => {}, children: plain });
    const dialog = screen.getByRole('dialog', { name: 'Row 2' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).not.toHaveAttribute('aria-describedby');
    expect(dialog).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'Row 2', level: 2 })).toBeInTheDocument();
  });

  it('puts its buttons in a row after what it says', () => {
    render(Modal, { title: 'Row 2', onClose: () => {}, children: plain, actions: closeButton });
    const said = screen.getByText('Row 2 up close.');
    const close = screen.getByRole('button', { name: 'Close' });
    expect(screen.getByRole('dialog', { name: 'Row 2' })).toContainElement(close);
    expect(said.compareDocumentPosition(close)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(close.parentElement).toHaveClass('actions');
  });

  it('points at its description when told which element holds it', () => {
    render(Modal, { title: 'Discard?', onClose: () => {}, children: withButtons, describedBy: 'why' });
    expect(screen.getByRole('dialog', { name: 'Discard?' })).toHaveAccessibleDescription(
      'Nothing has been sent.',
    );
  });

  it('closes on Escape, keeps Tab inside, and gives focus back to the control that opened it', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'Open';
    document.body.append(opener);
    opener.focus();
    let closed = 0;
    const { unmount } = render(Modal, { title: 'Question', onClose: () => closed++, children: withButtons });
    const dialog = screen.getByRole('dialog', { name: 'Question' });
    const first = screen.getByRole('button', { name: 'First' });
    const last = screen.getByRole('button', { name: 'Last' });
    last.focus();
    await fireEvent.keyDown(last, { key: 'Tab' });
    expect(first).toHaveFocus();
    await fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(last).toHaveFocus();
    await fireEvent.keyDown(dialog, { key: 'Enter' });
    expect(closed).toBe(0);
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(closed).toBe(1);
    unmount();
    await waitFor(() => expect(opener).toHaveFocus());
    opener.remove();
  });
});
