import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { MessageDraft } from './draft';
import { fakeApi } from '../../testing/fake-api';
import MessageStep from './MessageStep.svelte';
import { testPlan } from '../../../shared/delivery-time/plan-test-support';

const api = fakeApi({ 'templates.list': () => [] });

function setup(initial: Partial<MessageDraft> = {}, extra: Record<string, unknown> = {}) {
  let draft: MessageDraft = {
    name: 'clients 2026-11-25',
    sender: 'Clinic',
    template: '',
    autoconvert: 'on',
    ...initial,
  };
  const onNext = vi.fn();
  const view = render(MessageStep, {
    api,
    columns: ['name', 'phone'],
    typical: ['Maria', '+37251234567'],
    draft,
    onChange: (d: MessageDraft) => {
      draft = d;
      void view.rerender({ draft: d });
    },
    onBack: () => {},
    onNext,
    ...extra,
  });
  return { onNext, draft: () => draft };
}

describe('MessageStep', () => {
  it('counts the template rendered with typical values and enables Next once valid', async () => {
    const { onNext, container } = { ...setup(), container: document.body };
    const next = screen.getByRole<HTMLButtonElement>('button', { name: 'Next: Preview' });
    expect(next).toBeDisabled();
    await fireEvent.input(screen.getByRole('textbox', { name: 'Template' }), {
      target: { value: 'Hi {{name}}!' },
    });
    // "Hi Maria!" is 9 characters.
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'GSM-7 · 9 characters · 1 segment',
    );
    expect(next).toBeEnabled();
    await fireEvent.click(next);
    expect(onNext).toHaveBeenCalledOnce();
  });

  it('says whose values the counter uses, and counts with the row the operator picks', async () => {
    const rows = [
      {
        row: 1,
        fields: ['Maria', '+37251234567'],
        rawPhone: '',
        to: '+37251234567',
        status: 'ok',
        reason: null,
      },
      {
        row: 3,
        fields: ['Zoë Long-Name', '+37251234568'],
        rawPhone: '',
        to: null,
        status: 'ok',
        reason: null,
      },
    ];
    setup({ template: 'Hi {{name}}!' }, { rows, headerRow: 1 });
    const counter = () => document.querySelector('output')?.textContent;
    expect(screen.getByText(/^Counted with typical values from the file/)).toBeInTheDocument();
    expect(counter()).toBe('GSM-7 · 9 characters · 1 segment');
    const picker = screen.getByRole('spinbutton', { name: 'Count with row' });
    // Spreadsheet row 4 is data row 3 (header on row 1; a blank line made the gap).
    await fireEvent.input(picker, { target: { value: '4' } });
    expect(screen.getByText("Counted with row 4's values.")).toBeInTheDocument();
    expect(counter()).toBe('UCS-2 (Unicode) · 17 characters · 1 segment');
    await fireEvent.input(picker, { target: { value: '3' } });
    expect(screen.getByText('Row 3 is not a row of the file.')).toBeInTheDocument();
    expect(counter()).toBe('GSM-7 · 9 characters · 1 segment');
  });

  it("counts {{column|weekday}} with the row's own appointment in its language, as the preview writes it", async () => {
    const row = (n: number, name: string, at: string, country: string) => ({
      row: n,
      fields: [name, '+37251234567', at, country],
      rawPhone: '',
      to: '+37251234567',
      status: 'ok' as const,
      reason: null,
    });
    const rows = [row(1, 'Mari', '07.12.2026 10:00', 'EE'), row(2, 'Ann', '07.12.2026 10:00', 'GB')];
    const plan = testPlan({ column: 2, countryColumn: 3 });
    render(MessageStep, {
      api,
      columns: ['name', 'phone', 'Visit', 'Country'],
      typical: rows[0]!.fields,
      rows,
      headerRow: 1,
      plan,
      timeColumn: 'Visit',
      draft: { name: 'reminders', sender: 'Clinic', template: '{{Visit|weekday}}', autoconvert: 'on' },
      onChange: () => {},
      onBack: () => {},
      onNext: () => {},
    });
    const counter = () => document.querySelector('output')?.textContent;
    // 7 December 2026 is a Monday: "esmaspäev" in Estonian (9 characters), the cell itself 16.
    expect(counter()).toBe('GSM-7 · 9 characters · 1 segment');
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Count with row' }), {
      target: { value: '3' },
    });
    expect(counter()).toBe('GSM-7 · 6 characters · 1 segment'); // "Monday"
  });

  it('refuses an unknown column and a bad sender in plain words', async () => {
    setup({ template: 'Hi {{nmae}}', sender: 'My Clinic!' });
    expect(screen.getByRole('alert')).toHaveTextContent('Unknown column "nmae"');
    expect(screen.getByText(/letters A–Z and digits/)).toBeInTheDocument();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next: Preview' })).toBeDisabled();
  });

  it('shows what autoconvert does to a UCS-2 template and switches mode', async () => {
    const { draft } = setup({ template: 'It’s time, {{name}}', autoconvert: 'off' });
    expect(screen.getByText(/Characters forcing UCS-2/)).toBeInTheDocument();
    expect(screen.queryByText(/As sent with autoconvert/)).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole('radio', { name: 'On' }));
    expect(draft().autoconvert).toBe('on');
    expect(screen.getByText(/As sent with autoconvert: GSM-7/)).toBeInTheDocument();
  });
});
