import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { parseLocalSendTime } from '../../shared/schedule';
import DeliverAtField from './DeliverAtField.svelte';

const pad = (n: number) => String(n).padStart(2, '0');
const local = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** As a parent holds it: the bound value, and the schedule parsed from it. */
function withParent(value: string) {
  return { value, schedule: parseLocalSendTime(value, Date.now()) };
}

describe('DeliverAtField', () => {
  it('says what an empty field means', () => {
    render(DeliverAtField, { value: '', schedule: null, emptyNote: 'Empty: now.' });
    expect(screen.getByText('Empty: now.')).toBeInTheDocument();
    expect(screen.getByLabelText('Deliver at (optional)')).toHaveAttribute('aria-invalid', 'false');
  });

  it('confirms a future time and marks a past one invalid with the reason', async () => {
    const { rerender } = render(DeliverAtField, withParent(local(new Date(Date.now() + 86_400_000))));
    expect(screen.getByText(/Messente holds the messages and delivers them at/)).toBeInTheDocument();
    await rerender(withParent('2020-01-01T10:00'));
    expect(screen.getByLabelText('Deliver at (optional)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/is in the past/)).toBeInTheDocument();
  });

  it('hands what the operator types to the parent through the bound value', async () => {
    let bound = '';
    render(DeliverAtField, {
      get value() {
        return bound;
      },
      set value(v: string) {
        bound = v;
      },
      schedule: null,
      label: 'New delivery time',
    });
    await fireEvent.input(screen.getByLabelText('New delivery time'), {
      target: { value: '2030-05-04T18:00' },
    });
    expect(bound).toBe('2030-05-04T18:00');
  });
});
