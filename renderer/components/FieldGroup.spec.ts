import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import FieldGroup from './FieldGroup.svelte';

const number = createRawSnippet(() => ({
  render: () => '<label>Your number <input type="tel" /></label>',
}));

describe('FieldGroup', () => {
  it('is a group named by its legend, holding its controls', () => {
    render(FieldGroup, { legend: 'Test message', children: number });
    const group = screen.getByRole('group', { name: 'Test message' });
    expect(group).toContainElement(screen.getByRole('textbox', { name: 'Your number' }));
    expect(group).toBeEnabled();
    expect(group).not.toHaveClass('inline');
  });

  it('disables every control inside at once, and lays them side by side on request', () => {
    render(FieldGroup, { legend: 'Test message', disabled: true, inline: true, children: number });
    expect(screen.getByRole('group', { name: 'Test message' })).toHaveClass('inline');
    expect(screen.getByRole('textbox', { name: 'Your number' })).toBeDisabled();
  });
});
