import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import StepIndicator from './StepIndicator.svelte';

describe('StepIndicator', () => {
  it('marks the current step and lets the operator go back to a done one only', async () => {
    const onGo = vi.fn();
    render(StepIndicator, { steps: ['Recipients', 'Message', 'Preview', 'Send'], current: 2, onGo });
    expect(screen.getByText('3. Preview')).toHaveAttribute('aria-current', 'step');
    expect(screen.queryByRole('button', { name: '4. Send' })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: '1. Recipients' }));
    expect(onGo).toHaveBeenCalledWith(0);
  });
});
