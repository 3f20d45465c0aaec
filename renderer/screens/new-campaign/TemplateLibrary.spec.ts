import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
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
    // The box holds text no template keeps: replacing it is asked first.
    await fireEvent.click(screen.getByRole('button', { name: 'Replace message' }));
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

  it('asks before a saved template replaces unsaved text, and keeps the text when told', async () => {
    const api = fakeApi({
      'templates.list': () => [{ id: 4, name: 'Reminder', body: 'Hi {{name}}', updatedAt: '2026-01-01' }],
    });
    const onUse = vi.fn();
    render(TemplateLibrary, { api, current: 'Typed but never saved', onUse });
    const picker = screen.getByRole('combobox', { name: 'Saved templates' });
    await screen.findByRole('option', { name: 'Reminder' });
    picker.focus();
    await fireEvent.change(picker, { target: { value: '4' } });
    const question = screen.getByRole('dialog', { name: 'Replace your message?' });
    expect(onUse).not.toHaveBeenCalled();
    await fireEvent.click(within(question).getByRole('button', { name: 'Keep my text' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onUse).not.toHaveBeenCalled();
    expect((picker as HTMLSelectElement).value).toBe('');
    await waitFor(() => expect(picker).toHaveFocus());

    await fireEvent.change(picker, { target: { value: '4' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Replace message' }));
    expect(onUse).toHaveBeenCalledWith('Hi {{name}}');
  });

  it('replaces an empty message box without asking', async () => {
    const api = fakeApi({
      'templates.list': () => [{ id: 4, name: 'Reminder', body: 'Hi {{name}}', updatedAt: '2026-01-01' }],
    });
    const onUse = vi.fn();
    render(TemplateLibrary, { api, current: '  ', onUse });
    await screen.findByRole('option', { name: 'Reminder' });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Saved templates' }), {
      target: { value: '4' },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onUse).toHaveBeenCalledWith('Hi {{name}}');
  });

  it('deletes the chosen template after asking, then focuses the picker', async () => {
    let saved: SavedTemplate[] = [
      { id: 4, name: 'Reminder', body: 'Hi {{name}}', updatedAt: '2026-01-01' },
      { id: 6, name: 'Sale', body: 'Sale today', updatedAt: '2026-01-01' },
    ];
    const api = fakeApi({
      'templates.list': () => saved,
      'templates.delete': (args) => {
        const { id } = args as { id: number };
        saved = saved.filter((t) => t.id !== id);
        return { deleted: true };
      },
    });
    render(TemplateLibrary, { api, current: 'Hi {{name}}', onUse: vi.fn() });
    const picker = screen.getByRole('combobox', { name: 'Saved templates' });
    const remove = screen.getByRole('button', { name: 'Delete template' });
    await screen.findByRole('option', { name: 'Reminder' });
    expect(remove as HTMLButtonElement).toBeDisabled();
    await fireEvent.change(picker, { target: { value: '4' } });
    expect(remove as HTMLButtonElement).toBeEnabled();

    // Keeping it changes nothing and hands focus back to the button.
    remove.focus();
    await fireEvent.click(remove);
    let question = screen.getByRole('dialog', { name: 'Delete the template “Reminder”?' });
    await fireEvent.keyDown(question, { key: 'Escape' });
    await waitFor(() => expect(remove).toHaveFocus());
    expect(api.calls.some((c) => c.name === 'templates.delete')).toBe(false);

    await fireEvent.click(remove);
    question = screen.getByRole('dialog', { name: 'Delete the template “Reminder”?' });
    await fireEvent.click(within(question).getByRole('button', { name: 'Delete template' }));
    await waitFor(() => expect(screen.queryByRole('option', { name: 'Reminder' })).not.toBeInTheDocument());
    expect(api.calls.find((c) => c.name === 'templates.delete')?.args).toEqual({ id: 4 });
    expect(screen.getByText('Deleted “Reminder”.')).toHaveAttribute('role', 'status');
    expect(remove as HTMLButtonElement).toBeDisabled();
    await waitFor(() => expect(picker).toHaveFocus());
    screen.getByRole('option', { name: 'Sale' });

    // Deleting the last one disables the picker: focus goes to the field that saves a new one.
    await fireEvent.change(picker, { target: { value: '6' } });
    // The box's text is no longer kept anywhere, so choosing another one asks first.
    await fireEvent.click(screen.getByRole('button', { name: 'Replace message' }));
    await fireEvent.click(remove);
    await fireEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete template' }),
    );
    await waitFor(() => expect(picker as HTMLSelectElement).toBeDisabled());
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Save as' })).toHaveFocus());
  });
});
