// Component specs run in jsdom, which lacks a few browser APIs the components use. The DOM matchers
// (toBeInTheDocument, toHaveTextContent, toBeDisabled…) are registered here for every spec; the import
// also adds their types to vitest's expect.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom has no ResizeObserver; the virtual table only needs it to hear about resizes.
if (!('ResizeObserver' in globalThis)) {
  class NoopResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(globalThis, { ResizeObserver: NoopResizeObserver });
}

// jsdom lays nothing out and has no scrollIntoView; a spec that needs to see the calls replaces it.
if (typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = () => {};
}

// jsdom has no object URLs (the rejected-rows download makes one).
if (typeof URL.createObjectURL !== 'function') {
  Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => {} });
}
