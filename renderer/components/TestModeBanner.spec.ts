import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TestModeBanner from './TestModeBanner.svelte';

describe('TestModeBanner', () => {
  it('says plainly that nothing is sent', () => {
    render(TestModeBanner);
    expect(screen.getByRole('status').textContent).toBe('Test mode: nothing leaves this computer');
  });
});
