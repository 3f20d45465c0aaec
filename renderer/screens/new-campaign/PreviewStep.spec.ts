import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPlan } from '../../../shared/delivery-time/plan-test-support';
import { importRecipients } from '../../../shared/import';
import { formatPrice } from '../../../shared/money';
import type { RecipientsDraft } from './draft';
import PreviewStep from './PreviewStep.svelte';
import { firstCells as firstCellsOf } from '../../testing/table';

function recipients(csv: string): RecipientsDraft {
  const bytes = new TextEncoder().encode(csv);
  const outcome = importRecipients(bytes, { fileName: 'c.csv', defaultCountry: 'EE' });
  if (!outcome.ok) throw new Error(outcome.error);
  return {
    fileName: 'c.csv',
    file: new Blob([bytes]),
    country: 'EE',
    result: outcome.result,
    timeColumns: [],
  };
}

const CSV = 'name,phone\nAnn,+37251234567\nZoë,+37251234568\nBob,12\n';

describe('PreviewStep', () => {
  it('shows each row as sent, totals once computed, and filters', async () => {
    const onReady = vi.fn();
    const onNext = vi.fn();
    render(PreviewStep, {
      recipients: recipients(CSV),
      message: { name: 'x', sender: '', template: 'Hi {{name}}', autoconvert: 'off' },
      typical: ['Ann', '+37251234567'],
      pricing: { prices: {}, table: {} },
      onReady,
      onBack: () => {},
      onNext,
    });
    expect(screen.getByRole('heading', { name: 'Preview' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Preview' });
    for (const name of ['Row', 'Phone', 'Message', 'Encoding', 'Segments', 'Cost']) {
      expect(within(table).getByRole('columnheader', { name })).toBeInTheDocument();
    }
    const totals = await screen.findByText('Messages');
    expect(totals.closest('section')).toHaveAttribute('aria-label', 'Totals');
    expect(onReady).toHaveBeenCalledOnce();
    expect(onReady.mock.calls[0]?.[0].totals.messages).toBe(2);

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '2 +37251234567 Hi Ann GSM-7 1 unknown',
      '3 +37251234568 Hi Zoë UCS-2 1 unknown',
      '4 12 Not sent: Too short Hi Bob GSM-7 1 —',
    ]);

    await fireEvent.click(screen.getByRole('checkbox', { name: 'UCS-2 only' }));
    const filtered = within(table).getAllByRole('row').slice(1);
    expect(filtered).toHaveLength(1);
    expect(filtered[0]?.textContent).toContain('Zoë');

    await fireEvent.click(screen.getByRole('checkbox', { name: 'UCS-2 only' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Problems only' }));
    expect(within(table).getAllByRole('row').slice(1)[0]?.textContent).toContain('Not sent');

    await fireEvent.click(screen.getByRole('button', { name: 'Next: Send' }));
    expect(onNext).toHaveBeenCalledOnce();
  });

  it('holds the campaign back when a message is over the segment cap, naming the row', async () => {
    render(PreviewStep, {
      recipients: recipients(CSV),
      message: { name: 'x', sender: '', template: `{{name}} ${'x'.repeat(300)}`, autoconvert: 'off' },
      typical: ['Ann', '+37251234567'],
      pricing: { prices: {}, table: {} },
      maxSegments: 2,
      onReady: () => {},
      onBack: () => {},
      onNext: () => {},
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      '"c.csv" row 3: The message is 5 segments long; the most allowed per message is 2. Shorten the message, or allow more segments in Settings.',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next: Send' })).toBeDisabled();
  });

  it('prices and converts rows with the account’s tables', async () => {
    const onReady = vi.fn();
    render(PreviewStep, {
      recipients: recipients(CSV),
      message: { name: 'x', sender: '', template: 'Hi {{name}}', autoconvert: 'on' },
      typical: ['Ann', '+37251234567'],
      pricing: { prices: { EE: { minMicros: 50_000, maxMicros: 50_000, networks: 1 } }, table: { ë: 'e' } },
      onReady,
      onBack: () => {},
      onNext: () => {},
    });
    await screen.findByText('Messages');
    expect(onReady.mock.calls[0]?.[0].totals.costMaxMicros).toBe(100_000);
    const table = screen.getByRole('table', { name: 'Preview' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[1]?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `3 +37251234568 Hi Zoe GSM-7 1 ${formatPrice(50_000)}`,
    );
    expect(screen.queryByText(/No prices yet/)).not.toBeInTheDocument();
  });

  it('sorts by a column header both ways, keeping filters, and says so with aria-sort', async () => {
    const csv =
      'name,phone\nAnn,+37251234567\nZoë,+37251234568\nBob,12\n' + `Long ${'x'.repeat(170)},+37251234569\n`;
    render(PreviewStep, {
      recipients: recipients(csv),
      message: { name: 'x', sender: '', template: 'Hi {{name}}', autoconvert: 'off' },
      typical: ['Ann', '+37251234567'],
      pricing: { prices: { EE: { minMicros: 50_000, maxMicros: 50_000, networks: 1 } }, table: {} },
      onReady: () => {},
      onBack: () => {},
      onNext: () => {},
    });
    await screen.findByText('Messages');
    const table = screen.getByRole('table', { name: 'Preview' });
    const firstCells = (): string[] => firstCellsOf(table);
    const header = (name: string): HTMLElement => within(table).getByRole('columnheader', { name });

    expect(header('Row')).toHaveAttribute('aria-sort', 'ascending');
    await fireEvent.click(within(header('Segments')).getByRole('button'));
    await waitFor(() => expect(firstCells()).toEqual(['2', '3', '4', '5']));
    expect(header('Segments')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Row')).not.toHaveAttribute('aria-sort');
    await fireEvent.click(within(header('Segments')).getByRole('button'));
    await waitFor(() => expect(firstCells()).toEqual(['5', '2', '3', '4']));
    expect(header('Segments')).toHaveAttribute('aria-sort', 'descending');

    // Cost: the unsent row first, then the cheaper rows, the two-segment row last.
    await fireEvent.click(within(header('Cost')).getByRole('button'));
    await waitFor(() => expect(firstCells()).toEqual(['4', '2', '3', '5']));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Problems only' }));
    expect(firstCells()).toEqual(['4', '5']);
    await fireEvent.click(within(header('Cost')).getByRole('button'));
    await waitFor(() => expect(firstCells()).toEqual(['5', '4']));

    await fireEvent.click(screen.getByRole('checkbox', { name: 'Problems only' }));
    await fireEvent.click(within(header('Phone')).getByRole('button'));
    await waitFor(() => expect(firstCells()).toEqual(['2', '3', '5', '4']));
    await fireEvent.click(within(header('Encoding')).getByRole('button'));
    await waitFor(() => expect(firstCells()).toEqual(['2', '4', '5', '3']));
    await fireEvent.click(within(header('Row')).getByRole('button'));
    await waitFor(() => expect(firstCells()).toEqual(['2', '3', '4', '5']));
    await fireEvent.click(within(header('Row')).getByRole('button'));
    expect(firstCells()).toEqual(['5', '4', '3', '2']);
  });

  it('opens a row detail on click or Enter, with its segments, UCS-2 characters and cost', async () => {
    const csv = `name,phone\nAnn,+37251234567\nZoë ${'x'.repeat(70)},+37251234568\n`;
    render(PreviewStep, {
      recipients: recipients(csv),
      message: { name: 'x', sender: '', template: 'Hi {{name}}', autoconvert: 'off' },
      typical: ['Ann', '+37251234567'],
      pricing: {
        prices: { EE: { minMicros: 60_000, maxMicros: 70_000, networks: 2 } },
        table: {},
        source: 'messente',
      },
      onReady: () => {},
      onBack: () => {},
      onNext: () => {},
    });
    await screen.findByText('Messages');
    const table = screen.getByRole('table', { name: 'Preview' });
    // The cost column shows the whole range and says it again on hover.
    const zoeRow = within(table).getAllByRole('row')[2]!;
    const costCell = within(zoeRow).getAllByRole('cell')[5]!;
    expect(costCell.textContent).toBe('€0.12–€0.14');
    expect(costCell).toHaveAttribute('title', 'Cost: €0.12–€0.14');

    await fireEvent.click(within(zoeRow).getAllByRole('cell')[2]!);
    const dialog = screen.getByRole('dialog', { name: 'Row 3: +37251234568' });
    expect(dialog).toHaveTextContent('UCS-2 (Unicode) · 77 characters · 2 segments');
    expect(dialog).toHaveTextContent('Segment 1 of 2, 67 characters');
    expect(dialog).toHaveTextContent('Segment 2 of 2, 10 characters');
    expect(dialog).toHaveTextContent('ë (U+00EB): stays as written');
    expect(dialog).toHaveTextContent('€0.12–€0.14');
    expect(dialog).toHaveTextContent(
      '€0.06–€0.07 per segment for EE (2 networks, cheapest to dearest), fetched from Messente',
    );
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const zoeButton = within(table).getByRole('button', { name: 'Row 3: details' });
    await waitFor(() => expect(zoeButton).toHaveFocus());

    // Arrow keys move between rows (one Tab stop), Enter opens the focused one.
    await fireEvent.keyDown(zoeButton, { key: 'ArrowUp' });
    const annButton = within(table).getByRole('button', { name: 'Row 2: details' });
    await waitFor(() => expect(annButton).toHaveFocus());
    expect(annButton.tabIndex).toBe(0);
    expect(zoeButton.tabIndex).toBe(-1);
    await fireEvent.click(annButton);
    expect(screen.getByRole('dialog', { name: 'Row 2: +37251234567' })).toHaveTextContent(
      'None: every character is GSM-7.',
    );
  });
});

describe('PreviewStep with each row at its own time', () => {
  afterEach(() => vi.useRealTimers());

  const PLAN = testPlan({ column: 2 });
  const TIMES =
    'name,phone,Appointment\nAnn,+37251234567,07.12.2026 09:00\nZoë,+37251234568,01.12.2026 10:00\nBob,12,07.12.2026 10:00\n';

  it("shows each row's delivery time and leaves the rows the choices skip out of the totals", async () => {
    // Only the clock is fixed: the passes still yield through real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 11, 5, 12, 0));
    const onReady = vi.fn();
    const onChoices = vi.fn();
    const props = {
      recipients: recipients(TIMES),
      message: { name: 'x', sender: '', template: 'Hi {{name}}', autoconvert: 'off' as const },
      typical: ['Ann', '+37251234567', ''],
      pricing: { prices: {}, table: {} },
      plan: PLAN,
      choices: { unparseable: 'skip', past: 'skip', tooFar: 'skip' } as const,
      onChoices,
      onReady,
      onBack: () => {},
      onNext: () => {},
    };
    const { rerender } = render(PreviewStep, props);
    const table = screen.getByRole('table', { name: 'Preview' });
    expect(
      within(table).getByRole('columnheader', { name: 'Delivery (Europe/Tallinn)' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(onReady).toHaveBeenCalled());
    expect(onReady.mock.calls.at(-1)?.[0].totals.messages).toBe(1);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '2 +37251234567 Mon 7 Dec, 09:00 Hi Ann GSM-7 1 unknown',
      '3 +37251234568 time past Tue 1 Dec, 10:00 Not sent: skipped: its delivery time is past Hi Zoë UCS-2 1 —',
      '4 12 — Not sent: Too short Hi Bob GSM-7 1 —',
    ]);
    expect(screen.getByRole('figure', { name: /Messages per hour/ })).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('radio', { name: 'Send them now' }));
    expect(onChoices).toHaveBeenCalledWith({ unparseable: 'skip', past: 'send-now', tooFar: 'skip' });
    await rerender({ ...props, choices: { unparseable: 'skip', past: 'send-now', tooFar: 'skip' } });
    await waitFor(() => expect(onReady.mock.calls.at(-1)?.[0].totals.messages).toBe(2));
  });
  it("writes each row's appointment where the template formats it, in the recipient's language", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 11, 5, 12, 0));
    render(PreviewStep, {
      recipients: recipients(TIMES),
      message: {
        name: 'x',
        sender: '',
        template: 'Tere {{name}}, aeg {{Appointment|weekday}} {{Appointment|time}}',
        autoconvert: 'off' as const,
      },
      typical: ['Ann', '+37251234567', ''],
      pricing: { prices: {}, table: {} },
      plan: PLAN,
      onReady: () => {},
      onBack: () => {},
      onNext: () => {},
    });
    const table = screen.getByRole('table', { name: 'Preview' });
    await waitFor(() => expect(table).toHaveTextContent('Tere Ann, aeg esmaspäev 9:00'));
    // A row never sent has no appointment worked out: its cell stands as written.
    expect(table).toHaveTextContent('Tere Bob, aeg 07.12.2026 10:00 07.12.2026 10:00');
  });
});
