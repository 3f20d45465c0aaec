import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import type { ImportRequest } from './import/protocol';
import { fakeApi } from './testing/fake-api';
import { settings as savedSettings } from './testing/results';
import { readFileBytes } from './import/read-file';

const settings = (testMode: boolean) =>
  savedSettings({ testMode, defaultSender: '', defaultRate: 10, apiUrl: 'http://127.0.0.1:1/v1' });

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
    expect(await screen.findByText('Test mode: nothing leaves this computer')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav).toBeInTheDocument();
    // Scoped to the navigation: the empty Campaigns screen has its own "New campaign" button.
    expect(within(nav).getByRole('button', { name: 'Campaigns' })).toHaveAttribute('aria-current', 'page');
    await fireEvent.click(within(nav).getByRole('button', { name: 'New campaign' }));
    expect(await screen.findByRole('heading', { name: 'Recipients' })).toBeInTheDocument();
    await fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeInTheDocument();
  });

  it('shows no banner when test mode is off', async () => {
    render(App, { api: api(false) });
    await screen.findByRole('navigation', { name: 'Main' });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Test mode: nothing leaves this computer')).not.toBeInTheDocument();
  });

  it('shows and hides the banner the moment test mode is switched in Settings', async () => {
    let testMode = false;
    const live = fakeApi({
      'settings.get': () => settings(testMode),
      'settings.update': (args) => {
        testMode = args.testMode ?? testMode;
        return settings(testMode);
      },
      'campaigns.list': () => [],
      'credentials.status': () => ({ saved: false, username: null, store: 'memory' }),
      'app.info': () => ({ version: '0.1.0', dataDir: '/tmp', testMode, credentialStore: 'memory' }),
      'prices.get': () => ({ table: {}, source: 'none', fetchedAt: null }),
      'optOuts.list': () => ({ total: 0, phones: [] }),
      'replacements.get': () => ({ text: '', problems: [], saved: true }),
    });
    render(App, { api: live });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
    const toggle = await screen.findByRole('checkbox', { name: /Test mode/ });
    const banner = () => screen.queryByText('Test mode: nothing leaves this computer');
    expect(banner()).not.toBeInTheDocument();
    await fireEvent.click(toggle);
    await waitFor(() => expect(banner()).toBeInTheDocument());
    await fireEvent.click(toggle);
    await waitFor(() => expect(banner()).not.toBeInTheDocument());
    // Still on Settings: no navigation was needed.
    expect(screen.getByRole('heading', { name: 'Settings', level: 1 })).toBeInTheDocument();
  });

  describe('menu commands (app.command)', () => {
    // A worker that records what the Recipients step asks it to import and never answers.
    const posted: ImportRequest[] = [];
    class RecordingWorker {
      postMessage(request: ImportRequest): void {
        posted.push(request);
      }
      addEventListener(): void {}
      terminate(): void {}
    }
    afterEach(() => {
      vi.unstubAllGlobals();
      posted.length = 0;
    });

    function commandApi() {
      return fakeApi({
        'settings.get': () => settings(false),
        'campaigns.list': () => [],
        'templates.list': () => [],
        'prices.get': () => ({ table: {}, source: 'none', fetchedAt: null }),
        'replacements.get': () => ({ text: '', problems: [], saved: true }),
        'optOuts.numbers': () => [],
      });
    }

    it('opens the wizard on newCampaign and unsubscribes when closed', async () => {
      const fake = commandApi();
      const view = render(App, { api: fake });
      await screen.findByRole('navigation', { name: 'Main' });
      expect(fake.listenerCount('app.command')).toBe(1);
      expect(screen.queryByRole('heading', { name: 'Recipients' })).not.toBeInTheDocument();
      fake.emit('app.command', { command: 'newCampaign' });
      expect(await screen.findByRole('heading', { name: 'Recipients' })).toBeInTheDocument();
      expect(posted).toEqual([]);
      view.unmount();
      expect(fake.listenerCount('app.command')).toBe(0);
    });

    it('opens the wizard importing the file chosen in the menu', async () => {
      vi.stubGlobal('Worker', RecordingWorker);
      const fake = commandApi();
      render(App, { api: fake });
      await screen.findByRole('navigation', { name: 'Main' });
      const csv = 'name,phone\nAnn,+37251234567\n';
      fake.emit('app.command', {
        command: 'openRecipients',
        fileName: 'clients.csv',
        bytesBase64: Buffer.from(csv).toString('base64'),
      });
      expect(await screen.findByRole('progressbar', { name: 'Importing recipients' })).toBeInTheDocument();
      await waitFor(() => expect(posted).toHaveLength(1));
      expect(posted[0]?.options.fileName).toBe('clients.csv');
      const file = posted[0]?.file;
      expect(file && new TextDecoder().decode(await readFileBytes(file))).toBe(csv);
    });
  });
});
