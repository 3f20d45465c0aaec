import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import PaceFields from './PaceFields.svelte';

describe('PaceFields', () => {
  it('says how long sending takes at the chosen speed', () => {
    render(PaceFields, { rate: 10, cap: null, messages: 1200, disabled: false });
    expect(screen.getByRole('spinbutton', { name: 'Sending speed (messages per second)' })).toHaveProperty(
      'value',
      '10',
    );
    expect(screen.getByText('Takes about 2 min.')).toBeInTheDocument();
  });

  it('explains a speed above Messente’s limit and a cap that is not an amount', async () => {
    render(PaceFields, { rate: 10, cap: null, messages: 10, disabled: false });
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Sending speed (messages per second)' }), {
      target: { value: '500' },
    });
    expect(screen.getByText('Choose a speed between 1 and 150 messages per second.')).toBeInTheDocument();
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Spending cap (EUR)' }), {
      target: { value: '0' },
    });
    expect(
      screen.getByText('A spending cap is an amount above zero, or empty for none.'),
    ).toBeInTheDocument();
  });
});
