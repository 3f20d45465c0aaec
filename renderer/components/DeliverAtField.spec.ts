import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import DeliverAtField from './DeliverAtField.svelte';

const pad = (n: number) => String(n).padStart(2, '0');
const local = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

describe('DeliverAtField', () => {
  it('says what an empty field means', () => {
    render(DeliverAtField, { value: '', emptyNote: 'Empty: now.' });
    expect(screen.getByText('Empty: now.')).toBeTruthy();
    expect(screen.getByLabelText('Deliver at (optional)').getAttribute('aria-invalid')).toBe('false');
  });

  it('confirms a future time and marks a past one invalid with the reason', async () => {
    render(DeliverAtField, { value: '', label: 'New delivery time' });
    const input = screen.getByLabelText('New delivery time');
    await fireEvent.input(input, { target: { value: local(new Date(Date.now() + 86_400_000)) } });
    expect(screen.getByText(/Messente holds the messages and delivers them at/)).toBeTruthy();
    await fireEvent.input(input, { target: { value: '2020-01-01T10:00' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/is in the past/)).toBeTruthy();
  });
});
