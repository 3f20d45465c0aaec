import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ErrorGroup } from '../../../shared/types';
import { ALL, NO_FILTER, type RowFilterChoice } from './row-filter';
import RowFilters from './RowFilters.svelte';
import { withBindings } from '../../testing/bindings';
import { counts } from '../../testing/results';

const errors: ErrorGroup[] = [
  { code: '101', title: 'Not found', count: 2, explanation: 'The number does not exist.' },
  { code: 'unknown', title: '', count: 1, explanation: 'No reason was given.' },
];

/**
 * Renders the filters bound to `choice` as ReportScreen binds them: the props object's setters are
 * what a parent's bind: hands over, so a change the operator makes lands in `choice`.
 */
function setup(
  opts: { delivery?: Record<string, number> | null; errors?: ErrorGroup[]; billedKnown?: boolean } = {},
  start: Partial<RowFilterChoice> = {},
) {
  const choice: RowFilterChoice = { ...NO_FILTER, ...start };
  const view = render(RowFilters, {
    props: withBindings(
      {
        counts: counts({ queued: 4, accepted: 7, failed: 3 }),
        delivery: opts.delivery === undefined ? { DELIVRD: 5, UNDELIV: 2 } : opts.delivery,
        errors: opts.errors ?? errors,
        billedKnown: opts.billedKnown ?? true,
      },
      choice,
    ),
  });
  return { choice, view };
}

const select = (name: string) => screen.getByRole<HTMLSelectElement>('combobox', { name });
const optionTexts = (el: HTMLElement) =>
  within(el)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('RowFilters', () => {
  it('lists every state, and only the delivery statuses and errors the campaign has, with counts', () => {
    setup();
    expect(screen.getByRole('group', { name: 'Filter rows' })).toBeInTheDocument();
    expect(optionTexts(select('Show rows'))).toEqual([
      'All rows',
      'skipped (0)',
      'queued (4)',
      'sending (0)',
      'accepted (7)',
      'failed (3)',
      'unknown (0)',
      'cancelled (0)',
    ]);
    expect(optionTexts(select('Delivery status'))).toEqual(['All', 'DELIVRD (5)', 'UNDELIV (2)']);
    expect(optionTexts(select('Error'))).toEqual(['All', '101 Not found (2)', 'unknown (1)']);
    expect(select('Show rows').value).toBe(ALL);
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Billed differs from predicted' }).checked,
    ).toBe(false);
  });

  it('hands each choice back to the screen', async () => {
    const { choice } = setup();
    await fireEvent.change(select('Show rows'), { target: { value: 'failed' } });
    await fireEvent.change(select('Delivery status'), { target: { value: 'UNDELIV' } });
    await fireEvent.change(select('Error'), { target: { value: '101' } });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Billed differs from predicted' }));
    expect(choice).toEqual({
      state: 'failed',
      deliveryStatus: 'UNDELIV',
      errorCode: '101',
      billedDiffers: true,
    });
  });

  it('disables the delivery and error filters until there is something to choose', () => {
    setup({ delivery: null, errors: [] });
    expect(select('Delivery status')).toBeDisabled();
    expect(select('Error')).toBeDisabled();
    expect(select('Show rows')).toBeEnabled();
  });

  it('keeps a chosen error that a refresh removed, so the select does not silently show another', () => {
    setup({ errors: [errors[0]!] }, { errorCode: 'unknown' });
    expect(optionTexts(select('Error'))).toEqual(['All', '101 Not found (2)', 'unknown (0)']);
    expect(select('Error').value).toBe('unknown');
  });

  it('offers the billed filter only once Messente reported a price, unless it is already on', () => {
    setup({ billedKnown: false });
    expect(screen.queryByRole('checkbox', { name: 'Billed differs from predicted' })).not.toBeInTheDocument();
    cleanup();
    setup({ billedKnown: false }, { billedDiffers: true });
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Billed differs from predicted' }).checked,
    ).toBe(true);
  });
});
