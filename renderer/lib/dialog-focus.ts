// Keyboard focus around modal dialogs: a dialog gives focus back to whatever opened it when it
// closes (not to the page body, where a keyboard user would have to start over), and Tab cycles
// inside it while it is open.

/** A Svelte action: the control it is on takes focus when it appears (a question's safe choice). */
export function focusOnMount(node: HTMLElement): void {
  node.focus();
}

/** The element holding focus now, if it can be focused again later. */
export function focusedElement(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * Focuses `opener` again once the closing update is done: the page behind a dialog is often inert
 * while it is open, and an inert control refuses focus until that update lifts it.
 */
export function restoreFocus(opener: HTMLElement | null): void {
  queueMicrotask(() => {
    if (opener?.isConnected) opener.focus();
  });
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** For a dialog's keydown: Tab from its last control goes to its first, Shift+Tab the other way. */
export function keepTabInside(event: KeyboardEvent, dialog: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const controls = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
