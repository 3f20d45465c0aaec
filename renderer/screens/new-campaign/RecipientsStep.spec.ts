import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ImportRunner } from '../../import/import-client';
import { runImportInline } from '../../import/import-inline';
import type { RecipientsDraft } from './draft';
import RecipientsStep from './RecipientsStep.svelte';

const CSV = 'name,phone,mobile\nAnn,+372 5123 4567,\nBob,5123 4567,\nCy,12,\nDee,+37251234568,\n';

function setup() {
  let latest: RecipientsDraft | null = null;
  const onNext = vi.fn();
  const view = render(RecipientsStep, {
    draft: null,
    defaultCountry: 'EE',
    runImport: runImportInline,
    onChange: (d: RecipientsDraft) => {
      latest = d;
      void view.rerender({ draft: d });
    },
    onNext,
  });
  return { view, onNext, latest: () => latest };
}

async function pick(text: string, name = 'clients.csv') {
  const input = screen.getByLabelText('Recipients file (CSV)');
  await fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
}

describe('RecipientsStep', () => {
  it('imports a picked file and reports ready, invalid and duplicate rows', async () => {
    const { onNext, latest } = setup();
    expect(screen.getByRole('heading', { name: 'Recipients' })).toBeInTheDocument();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next: Message' })).toBeDisabled();
    await pick(CSV);
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(report).toHaveTextContent('2 ready');
    expect(report).toHaveTextContent('1 invalid');
    expect(report).toHaveTextContent('1 duplicate');
    expect(latest()?.result.recipients[1]?.to).toBe('+37251234567');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Phone column' }).value).toBe('1');
    await fireEvent.click(screen.getByRole('button', { name: 'Next: Message' }));
    expect(onNext).toHaveBeenCalledOnce();
  });

  it('holds the wizard on problems in the file until the operator accepts them', async () => {
    setup();
    await pick('name,phone\nAnn,+37251234567\nBob,"+37251234568\nCy,+37251234569"\n');
    await screen.findByRole('region', { name: 'Import report' });
    const next = screen.getByRole<HTMLButtonElement>('button', { name: 'Next: Message' });
    expect(next).toBeDisabled();
    await fireEvent.click(screen.getByRole('checkbox', { name: /I have checked the problems in the file/ }));
    expect(next).toBeEnabled();
  });

  it('reads national numbers for the country column chosen, and none when told so', async () => {
    const { latest } = setup();
    await pick('name,phone,where\nAino,040 123 4567,FI\n');
    await screen.findByRole('region', { name: 'Import report' });
    expect(latest()?.result.recipients[0]?.status).toBe('invalid');
    await fireEvent.change(screen.getByRole('combobox', { name: 'Country column' }), {
      target: { value: '2' },
    });
    await waitFor(() => expect(latest()?.result.recipients[0]?.to).toBe('+358401234567'));
    expect(latest()?.result.countryColumnName).toBe('where');
  });

  it('re-imports with the chosen phone column', async () => {
    const { latest } = setup();
    await pick('name,home,mobile\nAnn,+37251234567,+37251111111\n');
    await screen.findByRole('region', { name: 'Import report' });
    const before = latest()?.result.phoneColumn;
    const other = before === 2 ? '1' : '2';
    await fireEvent.change(screen.getByRole('combobox', { name: 'Phone column' }), {
      target: { value: other },
    });
    await waitFor(() => expect(String(latest()?.result.phoneColumn)).toBe(other));
  });

  it('re-imports with a header row below a title line, and imports pasted rows', async () => {
    const { latest } = setup();
    await pick('Clinic export 2026\nname,phone\nAnn,+37251234567\n');
    await screen.findByRole('region', { name: 'Import report' });
    await fireEvent.change(screen.getByRole('spinbutton', { name: 'Header row' }), {
      target: { value: '2' },
    });
    await waitFor(() => expect(latest()?.result.headerRow).toBe(2));
    expect(latest()?.result.header).toEqual(['name', 'phone']);

    await fireEvent.input(screen.getByRole('textbox', { name: 'Pasted rows (with a header line)' }), {
      target: { value: 'phone\n+37251234567\n+37251234568' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Import pasted rows' }));
    await waitFor(() => expect(latest()?.fileName).toBe('pasted rows'));
    expect(latest()?.result.counts.ok).toBe(2);
  });

  it('shows progress while importing and stops on Cancel import', async () => {
    const cancel = vi.fn();
    const onChange = vi.fn();
    render(RecipientsStep, {
      draft: null,
      defaultCountry: 'EE',
      // A runner that reports half-way and then waits forever, like a big file in the worker.
      runImport: (_request: unknown, onProgress: (f: number | null) => void) => {
        onProgress(0.5);
        return { promise: new Promise(() => {}), cancel };
      },
      onChange,
      onNext: () => {},
    });
    await pick(CSV);
    const bar = await screen.findByRole('progressbar', { name: 'Importing recipients' });
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(cancel).toHaveBeenCalledOnce();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('offers the columns of a file with no recognisable phone column, and imports with the one chosen', async () => {
    const { latest } = setup();
    await pick('name,contact\nAnn,call me\nBob,5123 4567x\n', 'odd.csv');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('"odd.csv" has no column that looks like phone numbers');
    expect(alert).toHaveTextContent('Choose the one that holds them under "Phone column"');
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Phone column' });
    expect(select).toBeEnabled();
    expect([...select.options].map((o) => o.text)).toEqual(['Choose the phone column…', 'name', 'contact']);
    await fireEvent.change(select, { target: { value: '1' } });
    await screen.findByRole('region', { name: 'Import report' });
    expect(latest()?.result.phoneColumnName).toBe('contact');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('refuses a file that is not a CSV with one sentence', async () => {
    setup();
    await pick('{"not": "a csv"}', 'data.json');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/data\.json/);
    expect(screen.queryByRole('region', { name: 'Import report' })).not.toBeInTheDocument();
  });

  it('offers the time columns the import found, keeping them in the draft', async () => {
    // The runner answers for the time columns (the worker works them out): the step reads no rows.
    const visit = { column: 0, format: 'dd.MM.yyyy HH:mm', candidates: ['dd.MM.yyyy HH:mm'], parsedShare: 1 };
    const runImport: ImportRunner = (request, onProgress) => {
      const job = runImportInline(request, onProgress);
      return {
        ...job,
        promise: job.promise.then((f) => (f?.ok ? { ...f, timeColumns: [visit] } : f)),
      };
    };
    const onChange = vi.fn();
    render(RecipientsStep, { draft: null, defaultCountry: 'EE', runImport, onChange, onNext: () => {} });
    await pick(CSV);
    await waitFor(() => expect(onChange).toHaveBeenCalledOnce());
    const draft = onChange.mock.calls[0]?.[0] as RecipientsDraft;
    expect(draft.timeColumns).toEqual([visit]);
    render(RecipientsStep, { draft, defaultCountry: 'EE', runImport, onChange, onNext: () => {} });
    const send = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Send' });
    expect([...send.options].map((o) => o.text)).toContain('Each at its own time, from column "name"');
  });

  it('imports a file handed over at opening (File → Open recipients file…)', async () => {
    const onChange = vi.fn();
    render(RecipientsStep, {
      draft: null,
      defaultCountry: 'EE',
      runImport: runImportInline,
      initialFile: { name: 'menu.csv', bytes: new TextEncoder().encode(CSV) },
      onChange,
      onNext: () => {},
    });
    await waitFor(() => expect(onChange).toHaveBeenCalledOnce());
    const draft = onChange.mock.calls[0]?.[0] as RecipientsDraft;
    expect(draft.fileName).toBe('menu.csv');
    expect(draft.result.counts.ok).toBe(2);
  });

  it('keeps an existing draft instead of re-importing the initial file', async () => {
    const first = setup();
    await pick(CSV);
    await screen.findByRole('region', { name: 'Import report' });
    const draft = first.latest();
    first.view.unmount();
    const onChange = vi.fn();
    render(RecipientsStep, {
      draft,
      defaultCountry: 'EE',
      runImport: runImportInline,
      initialFile: { name: 'menu.csv', bytes: new TextEncoder().encode('phone\n+37251234567\n') },
      onChange,
      onNext: () => {},
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(onChange).not.toHaveBeenCalled();
  });
});
