import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import NumberField from './NumberField.svelte';

describe('NumberField', () => {
  it('shows the number as typed, within the bounds it is given, and hands on what is typed', async () => {
    const typed: string[] = [];
    render(NumberField, {
      label: 'Default sending speed',
      help: 'Messages per second, 1–150.',
      min: 1,
      max: 150,
      value: '40',
      onInput: (text: string) => typed.push(text),
    });
    const box = screen.getByRole('spinbutton', { name: 'Default sending speed' });
    expect(box).toHaveValue(40);
    expect(box).toHaveAttribute('min', '1');
    expect(box).toHaveAttribute('max', '150');
    expect(box).toHaveAttribute('step', '1');
    expect(box).toHaveAccessibleDescription('Messages per second, 1–150.');
    expect(box).toHaveAttribute('aria-invalid', 'false');
    await fireEvent.input(box, { target: { value: '' } });
    expect(typed).toEqual(['']);
  });

  it('marks the field and says its problem', () => {
    render(NumberField, {
      label: 'Most segments per message',
      help: 'A longer message holds the campaign back.',
      min: 1,
      max: 20,
      value: '0',
      problem: 'Choose a whole number of segments from 1 to 20.',
      onInput: () => {},
    });
    const box = screen.getByRole('spinbutton', { name: 'Most segments per message' });
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a whole number of segments from 1 to 20.');
  });
});
