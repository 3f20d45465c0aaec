import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SelectField from './SelectField.svelte';

const options = [
  { value: 'EE', label: 'Estonia (EE)' },
  { value: 'FI', label: 'Finland (FI)' },
];

describe('SelectField', () => {
  it('lists the options in their words, with the value chosen', async () => {
    render(SelectField, { label: 'Default country', help: 'For national numbers.', options, value: 'FI' });
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Default country' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Estonia (EE)', 'Finland (FI)']);
    expect(select).toHaveValue('FI');
    expect(select).toHaveAccessibleDescription('For national numbers.');
  });

  it('says its problem', () => {
    render(SelectField, {
      label: 'Default country',
      help: 'For national numbers.',
      options,
      value: 'EE',
      problem: 'Choose a country.',
    });
    expect(screen.getByRole('combobox', { name: 'Default country' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a country.');
  });
});
