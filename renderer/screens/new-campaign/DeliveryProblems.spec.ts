import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ProblemChoices } from '../../../shared/delivery-time';
import DeliveryProblems from './DeliveryProblems.svelte';

const choices: ProblemChoices = { unparseable: 'skip', past: 'skip', tooFar: 'skip' };

describe('DeliveryProblems', () => {
  it('shows only the groups that have rows, each with its count', () => {
    render(DeliveryProblems, {
      problems: { unparseable: 1, past: 0, 'too-far': 3 },
      choices,
      onChange: () => {},
    });
    expect(screen.getByRole('group', { name: '1 row has no time that can be read' })).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: '3 rows have a delivery time more than 30 days ahead' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /already past/ })).not.toBeInTheDocument();
  });

  it('hands up the choice made for one group, keeping the others', async () => {
    const onChange = vi.fn();
    render(DeliveryProblems, { problems: { unparseable: 0, past: 2, 'too-far': 0 }, choices, onChange });
    await fireEvent.click(screen.getByRole('radio', { name: 'Send them now' }));
    expect(onChange).toHaveBeenCalledWith({ unparseable: 'skip', past: 'send-now', tooFar: 'skip' });
  });

  it('offers keeping far rows queued only for them, and says plainly Omnicast must be running then', () => {
    render(DeliveryProblems, {
      problems: { unparseable: 0, past: 0, 'too-far': 2 },
      choices: { ...choices, tooFar: 'keep-queued' },
      onChange: () => {},
    });
    const keep = screen.getByRole('radio', { name: /Keep them in Omnicast/ });
    expect((keep as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/Omnicast must be running then/)).toBeInTheDocument();
  });

  it('renders nothing when every row has a usable time', () => {
    const { container } = render(DeliveryProblems, {
      problems: { unparseable: 0, past: 0, 'too-far': 0 },
      choices,
      onChange: () => {},
    });
    expect(container.textContent?.trim()).toBe('');
  });
});
