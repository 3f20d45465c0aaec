import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import Field from './Field.svelte';

const input = createRawSnippet(
  (ids: () => { id: string; describedBy: string | undefined; invalid: boolean }) => ({
    render: () =>
      `<input id="${ids().id}" aria-invalid="${ids().invalid}" aria-describedby="${ids().describedBy ?? ''}" />`,
  }),
);

describe('Field', () => {
  it('labels its control and describes it with help and problem', () => {
    render(Field, { label: 'Default sender', help: 'Up to 11 letters', problem: 'Too long', control: input });
    const box = screen.getByRole('textbox', { name: 'Default sender' });
    expect(box).toHaveAttribute('aria-invalid', 'true');
    const described = (box.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Up to 11 letters', 'Too long']);
    expect(screen.getByRole('alert').textContent).toBe('Too long');
  });

  it('has no problem text when valid', () => {
    render(Field, { label: 'API URL', control: input });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'API URL' })).toHaveAttribute('aria-invalid', 'false');
  });
});
