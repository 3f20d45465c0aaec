import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/sms';
import LiveCounter from './LiveCounter.svelte';

describe('LiveCounter', () => {
  it('reads encoding, characters and segments in a polite live region', () => {
    const { container } = render(LiveCounter, {
      count: analyzeText('Hello Ann, see you at 10:00'),
      converted: null,
    });
    const live = container.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('GSM-7 · 27 characters · 1 segment');
    expect(screen.queryByText(/As sent with autoconvert/)).not.toBeInTheDocument();
  });

  it('shows a UCS-2 template and what autoconvert makes of it', () => {
    const text = 'It’s ready'.repeat(8);
    render(LiveCounter, { count: analyzeText(text), converted: analyzeText(text.replaceAll('’', "'")) });
    expect(screen.getByText('UCS-2 (Unicode) · 80 characters · 2 segments')).toBeInTheDocument();
    expect(
      screen.getByText('As sent with autoconvert: GSM-7 · 80 characters · 1 segment'),
    ).toBeInTheDocument();
  });
});
