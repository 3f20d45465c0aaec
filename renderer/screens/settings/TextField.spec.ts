import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TextField from './TextField.svelte';

describe('TextField', () => {
  it("shows the text with its help, without the browser's suggestions", () => {
    render(TextField, {
      label: 'Default sender',
      help: 'Up to 11 letters and digits.',
      maxlength: 15,
      value: 'Salon',
    });
    const box = screen.getByRole<HTMLInputElement>('textbox', { name: 'Default sender' });
    expect(box).toHaveValue('Salon');
    expect(box).toHaveAttribute('type', 'text');
    expect(box).toHaveAttribute('maxlength', '15');
    expect(box).toHaveAttribute('autocomplete', 'off');
    expect(box).toHaveAccessibleDescription('Up to 11 letters and digits.');
  });

  it('takes an address as a URL and says its problem', () => {
    render(TextField, {
      label: 'API URL',
      help: "Messente's address.",
      type: 'url',
      value: 'ftp://example.com',
      problem: 'Use an https:// address.',
    });
    const box = screen.getByRole('textbox', { name: 'API URL' });
    expect(box).toHaveAttribute('type', 'url');
    expect(box).not.toHaveAttribute('maxlength');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Use an https:// address.');
  });
});
