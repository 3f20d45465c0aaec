import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import ProgressRow from './ProgressRow.svelte';

const stop = createRawSnippet(() => ({ render: () => '<button type="button">Stop</button>' }));

describe('ProgressRow', () => {
  it('shows the named bar with what stops the work beside it', () => {
    render(ProgressRow, { label: 'Saving recipients', value: 0.25, children: stop });
    const bar = screen.getByRole('progressbar', { name: 'Saving recipients' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(bar.parentElement).toContainElement(screen.getByRole('button', { name: 'Stop' }));
  });

  it('stands alone without anything beside it', () => {
    render(ProgressRow, { label: 'Importing recipients', value: null });
    expect(screen.getByRole('progressbar', { name: 'Importing recipients' })).not.toHaveAttribute(
      'aria-valuenow',
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
