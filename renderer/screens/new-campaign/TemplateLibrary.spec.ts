import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { SavedTemplate } from '../../../shared/types';
import { fakeApi } from '../../testing/fake-api';
import TemplateLibrary from './TemplateLibrary.svelte';

describe('TemplateLibrary', () => {
  it('uses a saved template and saves the current one under a name', async () => {
    const saved: SavedTemplate[] = [
      { id: 4, name: 'Reminder', body: 'Hi {{name}}', updatedAt: '2026-01-01' },
    ];
    const api = fakeApi({
      'templates.list': () => saved,
      'templates.save': (args) => {
        const { name, body } = args as { name: string; body: string };
        const t = { id: 5, name, body, updatedAt: '2026-01-02' };
        saved.push(t);
        return t;
      },
    });
    const onUse = vi.fn();
    render(TemplateLibrary, { api, current: 'See you {{name}}', onUse });
    const picker = screen.getByRole('combobox', { name: 'Saved templates' });
    await screen.findByRole('option', { name: 'Reminder' });
    await fireEvent.change(picker, { target: { value: '4' } });
    expect(onUse).toHaveBeenCalledWith('Hi {{name}}');

    await fireEvent.input(screen.getByRole('textbox', { name: 'Save as' }), { target: { value: 'Visit' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(screen.getByText('Saved “Visit”.')).toHaveAttribute('role', 'status'));
    expect(api.calls.find((c) => c.name === 'templates.save')?.args).toEqual({
      name: 'Visit',
      body: 'See you {{name}}',
    });
    await screen.findByRole('option', { name: 'Visit' });
  });
});
