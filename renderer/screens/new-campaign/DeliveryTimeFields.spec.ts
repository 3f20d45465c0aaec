import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { detectTimeColumns } from '../../../shared/delivery-time';
import { defaultForm, type DeliveryForm } from './delivery-form';
import DeliveryTimeFields from './DeliveryTimeFields.svelte';

const columns = ['Name', 'Phone', 'Appointment', 'Booked'];
// Appointment decides day-first (a day above 12); Booked cannot (every day 12 or less).
const rows = [
  ['Mari', '+3725550001', '14.12.2026 09:00', '03.04.2026 10:00'],
  ['Jüri', '+3725550002', '15.12.2026 10:30', '05.05.2026 11:00'],
];

function setup(form: DeliveryForm = defaultForm('Europe/Tallinn')) {
  const onChange = vi.fn();
  const guesses = detectTimeColumns(columns, rows);
  const view = render(DeliveryTimeFields, { columns, guesses, rows, countryColumn: null, form, onChange });
  return { onChange, ...view };
}

describe('DeliveryTimeFields', () => {
  it('offers "all now" and each column that holds times', () => {
    setup();
    const select = screen.getByLabelText('Send') as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual([
      'All now (or at one time chosen when sending)',
      'Each at its own time, from column "Appointment"',
      'Each at its own time, from column "Booked"',
    ]);
    expect(screen.queryByLabelText('When')).not.toBeInTheDocument();
  });

  it('says so when the file has no column of dates and times, offering "all now" alone', () => {
    const form = defaultForm('Europe/Tallinn');
    render(DeliveryTimeFields, { columns, guesses: [], rows, countryColumn: null, form, onChange: vi.fn() });
    const select = screen.getByLabelText('Send') as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['All now (or at one time chosen when sending)']);
    expect(screen.getByText('No column of dates and times was found in this file.')).toBeInTheDocument();
  });

  it('hands up the plan when a column the file decides is chosen', async () => {
    const { onChange } = setup();
    await fireEvent.change(screen.getByLabelText('Send'), { target: { value: '2' } });
    expect(onChange).toHaveBeenCalledWith(
      expect.objectContaining({ column: 2 }),
      expect.objectContaining({ ok: true, plan: expect.objectContaining({ format: 'dd.MM.yyyy HH:mm' }) }),
    );
  });

  it('asks day first or month first for an undecided column, with an example from the file', async () => {
    const { onChange } = setup({ ...defaultForm('Europe/Tallinn'), column: 3 });
    expect(screen.getByRole('alert')).toHaveTextContent('Choose how the dates');
    expect(screen.getByText('For example "03.04.2026 10:00" in the file.')).toBeInTheDocument();
    // The question is a group of its own, named by the column it asks about.
    expect(screen.getByRole('group', { name: 'How are the dates in "Booked" written?' })).toContainElement(
      screen.getByRole('radio', { name: /Month first/ }),
    );
    await fireEvent.click(screen.getByRole('radio', { name: /Month first .*: 4 March 2026/ }));
    expect(onChange).toHaveBeenCalledWith(
      expect.objectContaining({ chosenFormat: 'MM.dd.yyyy HH:mm' }),
      expect.objectContaining({ ok: true }),
    );
  });

  it('shows the fields of the rule chosen, quiet hours on by default, and the zone', async () => {
    const { rerender } = setup({ ...defaultForm('Europe/Tallinn'), column: 2, rule: 'day-before' });
    expect((screen.getByLabelText('At') as HTMLInputElement).value).toBe('10:00');
    expect((screen.getByLabelText('Days before') as HTMLInputElement).value).toBe('1');
    expect((screen.getByRole('checkbox', { name: /Quiet hours/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('21:00');
    expect((screen.getByLabelText('Your time zone') as HTMLSelectElement).value).toBe('Europe/Tallinn');
    await rerender({ form: { ...defaultForm('Europe/Tallinn'), column: 2, rule: 'before', quiet: false } });
    expect((screen.getByLabelText('Hours before') as HTMLInputElement).value).toBe('24');
    expect(screen.queryByLabelText('From')).not.toBeInTheDocument();
  });
});
