import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/types';
import { fakeApi } from '../../testing/fake-api';
import { settings } from '../../testing/results';
import SettingsScreen from './SettingsScreen.svelte';

const saved = settings({ testMode: true });

describe('SettingsScreen', () => {
  it('loads settings, credentials and app info', async () => {
    const api = fakeApi({
      'settings.get': () => saved,
      'credentials.status': () => ({ saved: true, username: 'ann', store: 'keychain' }),
      'app.info': () => ({ version: '1.2.3', dataDir: '/data', testMode: true, credentialStore: 'keychain' }),
      'settings.update': (args: Partial<Settings>) => ({ ...saved, ...args }),
      'prices.get': () => ({ table: {}, source: 'none', fetchedAt: null }),
      'optOuts.list': () => ({ total: 0, phones: [] }),
      'replacements.get': () => ({ text: "’ => '", problems: [], saved: true }),
    });
    render(SettingsScreen, { api });
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    expect(await screen.findByText('Saved for user ann')).toBeInTheDocument();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Test mode' }).checked).toBe(true);
    expect(screen.getByText('1.2.3')).toBeInTheDocument();
    for (const name of ['Default sender', 'API username'])
      expect(screen.getByRole('textbox', { name })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Default country' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Default sending speed' })).toBeInTheDocument();
    expect(screen.getByLabelText('API password')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    for (const name of [
      'Test connection',
      'Fetch prices from Messente',
      'Add opt-outs',
      'Save replacement table',
    ])
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it('says what failed to load', async () => {
    const api = fakeApi({ 'settings.get': () => saved });
    render(SettingsScreen, { api });
    expect(await screen.findByRole('alert')).toHaveTextContent('no fake for credentials.status');
  });
});
