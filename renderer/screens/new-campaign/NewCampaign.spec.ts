import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { runImportInline } from '../../import/import-inline';
import { fakeApi } from '../../testing/fake-api';
import { settings as savedSettings, summary } from '../../testing/results';
import NewCampaign from './NewCampaign.svelte';

const settings = savedSettings({
  testMode: true,
  defaultSender: 'Clinic',
  defaultRate: 10,
  apiUrl: 'http://127.0.0.1:1/v1',
});

describe('NewCampaign', () => {
  it('walks from a CSV to a started campaign', async () => {
    const api = fakeApi({
      'settings.get': () => settings,
      'templates.list': () => [],
      'prices.get': () => ({ table: {}, source: 'none', fetchedAt: null }),
      'replacements.get': () => ({ text: '', problems: [], saved: true }),
      'optOuts.numbers': () => [],
      'campaigns.create': () => ({ id: 42 }),
      'campaigns.addRecipients': () => ({ added: 3, total: 3 }),
      'campaigns.start': () => summary({ id: 42, status: 'sending' }),
    });
    const onStarted = vi.fn();
    render(NewCampaign, { api, onStarted, onCancel: () => {}, runImport: runImportInline });

    const input = await screen.findByLabelText('Recipients file (CSV)');
    const csv = 'first_name;phone\nAnn;5123 4567\nBob;+372 5123 4568\nCy;12\n';
    await fireEvent.change(input, { target: { files: [new File([csv], 'clients.csv')] } });
    expect(await screen.findByRole('region', { name: 'Import report' })).toHaveTextContent('2 ready');
    await fireEvent.click(screen.getByRole('button', { name: 'Next: Message' }));

    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Campaign name' }).value).toMatch(
      /^clients \d{4}-\d\d-\d\d$/,
    );
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Sender name' }).value).toBe('Clinic');
    await fireEvent.input(screen.getByRole('textbox', { name: 'Template' }), {
      target: { value: 'Hi {{first_name|there}}' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Next: Preview' }));

    const next = await screen.findByRole<HTMLButtonElement>('button', { name: 'Next: Send' });
    await waitFor(() => expect(next).toBeEnabled());
    await fireEvent.click(next);

    await fireEvent.click(screen.getByRole('button', { name: 'Send 2 messages' }));
    expect(screen.getByRole('dialog')).toHaveTextContent(/2 messages \(\d+ rows? skipped\), 2 segments/);
    await fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(42));
    const created = api.calls.find((c) => c.name === 'campaigns.create')?.args;
    expect(created).toMatchObject({
      template: 'Hi {{first_name|there}}',
      sender: 'Clinic',
      autoconvert: 'on',
      columns: ['first_name', 'phone'],
      headerRow: 1,
    });
    const uploaded = api.calls.find((c) => c.name === 'campaigns.addRecipients')?.args as {
      recipients: { status: string }[];
    };
    // Rejected rows are stored too (as skipped) so the report accounts for every row of the file.
    expect(uploaded.recipients.map((r) => r.status)).toEqual(['ok', 'ok', 'invalid']);
    expect(api.calls.at(-1)).toEqual({ name: 'campaigns.start', args: { id: 42, rate: 10 } });
  });

  it('marks opted-out numbers in the import report and keeps the notice when there are no prices', async () => {
    const api = fakeApi({
      'settings.get': () => settings,
      'templates.list': () => [],
      // A failed price load is "no prices": costs stay unknown, never zero.
      'replacements.get': () => ({ text: '', problems: [], saved: true }),
      'optOuts.numbers': () => ['+37251234568'],
    });
    render(NewCampaign, { api, onStarted: () => {}, onCancel: () => {}, runImport: runImportInline });
    const input = await screen.findByLabelText('Recipients file (CSV)');
    const csv = 'first_name;phone\nAnn;5123 4567\nBob;+372 5123 4568\n';
    await fireEvent.change(input, { target: { files: [new File([csv], 'clients.csv')] } });
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(report).toHaveTextContent('1 ready');
    expect(report).toHaveTextContent(/1 opted out/i);
    await fireEvent.click(screen.getByRole('button', { name: 'Next: Message' }));
    await fireEvent.input(screen.getByRole('textbox', { name: 'Template' }), { target: { value: 'Hi' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Next: Preview' }));
    expect(await screen.findByText(/No prices yet: add them in Settings/)).toBeInTheDocument();
  });

  const quietApi = () =>
    fakeApi({
      'settings.get': () => settings,
      'templates.list': () => [],
      'prices.get': () => ({ table: {}, source: 'none', fetchedAt: null }),
      'replacements.get': () => ({ text: '', problems: [], saved: true }),
      'optOuts.numbers': () => [],
    });

  /** The wizard on its first step, a one-row file imported. */
  async function withImportedFile(): Promise<void> {
    render(NewCampaign, {
      api: quietApi(),
      onStarted: () => {},
      onCancel: () => {},
      runImport: runImportInline,
    });
    const input = await screen.findByLabelText('Recipients file (CSV)');
    await fireEvent.change(input, {
      target: { files: [new File(['name;phone\nAnn;5123 4567\n'], 'clients.csv')] },
    });
    await screen.findByRole('region', { name: 'Import report' });
  }

  it('discards an empty draft at once but asks before throwing an imported file away', async () => {
    const onCancel = vi.fn();
    render(NewCampaign, { api: quietApi(), onStarted: () => {}, onCancel, runImport: runImportInline });
    const input = await screen.findByLabelText('Recipients file (CSV)');
    const discard = screen.getByRole('button', { name: 'Discard draft' });
    // Not the first control a Tab reaches: the file input comes before it in the page.
    expect(input.compareDocumentPosition(discard) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await fireEvent.change(input, {
      target: { files: [new File(['name;phone\nAnn;5123 4567\n'], 'clients.csv')] },
    });
    await screen.findByRole('region', { name: 'Import report' });
    discard.focus();
    await fireEvent.click(discard);
    const dialog = screen.getByRole('dialog', { name: 'Discard this draft?' });
    expect(dialog).toHaveTextContent('"clients.csv"');
    expect(onCancel).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(discard).toHaveFocus();
    expect(screen.getByRole('region', { name: 'Import report' })).toBeInTheDocument();

    await fireEvent.click(discard);
    await fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard draft' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('discards a draft with nothing in it without asking', async () => {
    const onCancel = vi.fn();
    render(NewCampaign, { api: quietApi(), onStarted: () => {}, onCancel, runImport: runImportInline });
    await screen.findByLabelText('Recipients file (CSV)');
    await fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it("moves focus to each new step's heading, forward and back", async () => {
    await withImportedFile();
    await fireEvent.click(screen.getByRole('button', { name: 'Next: Message' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Message', level: 2 })).toHaveFocus());
    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Recipients', level: 2 })).toHaveFocus());
  });

  it('shows each new step from its top, not at the depth where the last one was left', async () => {
    // jsdom lays nothing out: record what the wizard asks of a real window.
    const scrolled: { element: Element; options: unknown }[] = [];
    const noScroll = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element, options?: unknown) {
      scrolled.push({ element: this, options });
    };
    try {
      await withImportedFile();
      expect(scrolled).toEqual([]);
      await fireEvent.click(screen.getByRole('button', { name: 'Next: Message' }));
      await waitFor(() => expect(scrolled).toHaveLength(1));
      const wizard = scrolled[0]!.element;
      expect(wizard).toContainElement(screen.getByRole('heading', { name: 'New campaign', level: 1 }));
      expect(scrolled[0]!.options).toEqual({ block: 'start' });
    } finally {
      Element.prototype.scrollIntoView = noScroll;
    }
  });
});
