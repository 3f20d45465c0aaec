import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TextInputField from './TextInputField.svelte';

describe('TextInputField', () => {
  it('shows the text under its label with its help, and hands on what is typed', async () => {
    const typed: string[] = [];
    render(TextInputField, {
      label: 'Sender name',
      value: 'Clinic',
      maxlength: 16,
      help: 'Up to 11 letters and digits.',
      onInput: (text: string) => typed.push(text),
    });
    const box = screen.getByRole('textbox', { name: 'Sender name' });
    expect(box).toHaveValue('Clinic');
    expect(box).toHaveAttribute('maxlength', '16');
    expect(box).toHaveAttribute('aria-invalid', 'false');
    expect(box).toHaveAccessibleDescription('Up to 11 letters and digits.');
    await fireEvent.input(box, { target: { value: 'Salon' } });
    expect(typed).toEqual(['Salon']);
  });

  it('says its problem in place of the help, and marks the box', () => {
    render(TextInputField, {
      label: 'Sender name',
      value: 'Hair & Beauty',
      help: 'Up to 11 letters and digits.',
      problem: 'Use only letters A–Z and digits.',
      onInput: () => {},
    });
    const box = screen.getByRole('textbox', { name: 'Sender name' });
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('Use only letters A–Z and digits.');
    expect(screen.queryByText('Up to 11 letters and digits.')).not.toBeInTheDocument();
  });

  it('has no note at all without help or problem', () => {
    render(TextInputField, { label: 'Campaign name', value: 'Spring', onInput: () => {} });
    const box = screen.getByRole('textbox', { name: 'Campaign name' });
    expect(box).not.toHaveAttribute('aria-describedby');
    expect(box).toHaveAccessibleDescription('');
  });
});
