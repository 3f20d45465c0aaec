import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { MAX_SEGMENTS_LIMIT } from '../../../shared/import/rules';
import type { Settings } from '../../../shared/types';
import { fakeApi } from '../../testing/fake-api';
import { settings as savedSettings } from '../../testing/results';
import GeneralSettingsForm from './GeneralSettingsForm.svelte';

const settings = savedSettings();

function setup() {
  const api = fakeApi({ 'settings.update': (args: Partial<Settings>) => ({ ...settings, ...args }) });
  const saved: Settings[] = [];
  render(GeneralSettingsForm, { api, settings, onSaved: (s) => saved.push(s) });
  return { api, saved };
}

describe('GeneralSettingsForm', () => {
  it('shows the saved settings and saves changes', async () => {
    const { api, saved } = setup();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Default sender' }).value).toBe('Salon');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Default country' }).value).toBe('EE');
    expect(screen.getByRole('option', { name: 'Finland (FI)' })).toBeInTheDocument();
    // The field's bounds are the rule's own, not a copy of its number.
    expect(screen.getByRole('spinbutton', { name: 'Most segments per message' })).toHaveAttribute(
      'max',
      String(MAX_SEGMENTS_LIMIT),
    );
    // The modes in the same words as the new campaign's choice.
    const autoconvert = screen.getByRole('combobox', { name: 'Default autoconvert' });
    expect(
      within(autoconvert)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'On: Replaces common typographic characters (curly quotes, dashes, …) with plain ones.',
      'Full: Also replaces accented letters with their base letter, so most texts stay GSM-7.',
      'Off: Sends the text exactly as written; any special character makes it UCS-2 (Unicode).',
    ]);
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Default sending speed' }), {
      target: { value: '50' },
    });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Default country' }), {
      target: { value: 'FI' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(api.callsTo('settings.update')).toEqual([
      {
        defaultSender: 'Salon',
        defaultCountry: 'FI',
        defaultRate: 50,
        defaultAutoconvert: 'on',
        apiUrl: 'https://api.messente.com/v1',
        maxSegments: 10,
        testMode: false,
      },
    ]);
    expect(saved[0]?.defaultRate).toBe(50);
  });

  it('validates the sender as it is typed and refuses to save problems', async () => {
    const { api } = setup();
    const sender = screen.getByRole('textbox', { name: 'Default sender' });
    await fireEvent.input(sender, { target: { value: 'Hair & Beauty' } });
    expect(sender).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/only letters A–Z and digits/)).toBeInTheDocument();
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Default sending speed' }), {
      target: { value: '500' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText(/between 1 and 150/)).toBeInTheDocument();
    expect(api.callsTo('settings.update')).toEqual([]);
  });

  it('switches test mode at once', async () => {
    const { api, saved } = setup();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Test mode' }));
    expect(await screen.findByText('Test mode is on: nothing leaves this computer.')).toBeInTheDocument();
    expect(api.callsTo('settings.update')).toEqual([{ testMode: true }]);
    expect(saved[0]?.testMode).toBe(true);
  });
});
