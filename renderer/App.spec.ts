import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../shared/types';
import App from './App.svelte';
import { fakeApi } from './wizard/fake-api';

const settings = (testMode: boolean): Settings => ({
  testMode,
  defaultSender: '',
  defaultCountry: 'EE',
  defaultRate: 10,
  defaultAutoconvert: 'on',
  apiUrl: 'http://127.0.0.1:1/v1',
});

function api(testMode: boolean) {
  return fakeApi({
    'settings.get': () => settings(testMode),
    'campaigns.list': () => [],
    'templates.list': () => [],
    'credentials.status': () => ({ saved: false, username: null, store: 'memory' }),
    'app.info': () => ({ version: '0.1.0', dataDir: '/tmp', testMode, credentialStore: 'memory' }),
  });
}

describe('App', () => {
  it('starts on Campaigns, shows the test-mode banner and navigates to the wizard', async () => {
    render(App, { api: api(true) });
    expect(await screen.findByText('Test mode: nothing leaves this computer')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav).toBeTruthy();
    // Scoped to the navigation: the empty Campaigns screen has its own "New campaign" button.
    expect(within(nav).getByRole('button', { name: 'Campaigns' }).getAttribute('aria-current')).toBe('page');
    await fireEvent.click(within(nav).getByRole('button', { name: 'New campaign' }));
    expect(await screen.findByRole('heading', { name: 'Recipients' })).toBeTruthy();
    await fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
  });

  it('shows no banner when test mode is off', async () => {
    render(App, { api: api(false) });
    await screen.findByRole('navigation', { name: 'Main' });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Test mode: nothing leaves this computer')).toBeNull();
  });
});
