import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import MarkedText from './MarkedText.svelte';

describe('MarkedText', () => {
  it('marks only the characters that force UCS-2', () => {
    const { container } = render(MarkedText, { text: 'Zoë says “hi” 👋' });
    const marks = Array.from(container.querySelectorAll('mark')).map((m) => m.textContent);
    // ë is not in GSM-7 either (only é, è and a few others are).
    expect(marks).toEqual(['ë', '“', '”', '👋']);
    expect(container.textContent).toBe('Zoë says “hi” 👋');
  });

  it('marks nothing in a GSM-7 text', () => {
    const { container } = render(MarkedText, { text: 'Hello {Ann} €5' });
    expect(container.querySelectorAll('mark').length).toBe(0);
  });
});
