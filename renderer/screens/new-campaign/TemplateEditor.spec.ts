import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { analyzeText, compileTemplate } from '../../../shared/sms';
import TemplateEditor from './TemplateEditor.svelte';

describe('TemplateEditor', () => {
  it('inserts a column at the caret', async () => {
    const onInput = vi.fn();
    render(TemplateEditor, {
      value: 'Hi !',
      columns: ['first_name', 'phone'],
      errors: [],
      ucs2: [],
      onInput,
    });
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Template' });
    box.setSelectionRange(3, 3);
    await fireEvent.click(screen.getByRole('button', { name: 'Insert first_name' }));
    expect(onInput).toHaveBeenCalledWith('Hi {{first_name}}!');
  });

  it('explains the time formatters in the help beside the box, named for the time column once chosen', async () => {
    const { rerender } = render(TemplateEditor, {
      value: '',
      columns: ['Appointment'],
      errors: [],
      ucs2: [],
      onInput: () => {},
    });
    const box = screen.getByRole('textbox', { name: 'Template' });
    const help = () => document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(help()).toMatch(
      /\{\{Appointment\|time\}\}, \{\{Appointment\|date\}\} and \{\{Appointment\|weekday\}\}/,
    );
    expect(help()).toMatch(/on any other column they are fallback text/);
    await rerender({ timeColumn: 'Visit' });
    expect(help()).toMatch(/\{\{Visit\|time\}\}/);
    expect(help()).not.toMatch(/fallback text\./);
  });

  it('warns about {column} in single braces, which is sent as written', () => {
    render(TemplateEditor, {
      value: 'Hi {First name}, {{First name}} {smile}',
      columns: ['First name'],
      errors: [],
      ucs2: [],
      onInput: () => {},
    });
    const warnings = screen.getAllByText(/is sent as written/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.textContent?.replace(/\s+/g, ' ')).toBe(
      '{First name} at line 1, column 4 is sent as written: write {{First name}} to merge the column.',
    );
  });

  it('shows a compile error with its position as an alert', () => {
    const source = 'Hi\n{{nme}}';
    const compiled = compileTemplate(source, ['name']);
    expect(compiled.ok).toBe(false);
    const errors = compiled.ok ? [] : compiled.errors;
    render(TemplateEditor, { value: source, columns: ['name'], errors, ucs2: [], onInput: () => {} });
    expect(screen.getByRole('alert')).toHaveTextContent(/At line 2, column 1: Unknown column "nme"/);
    expect(screen.getByRole('textbox', { name: 'Template' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('names the characters that force UCS-2 and marks them in the layer', () => {
    const source = 'It’s ready';
    const { container } = render(TemplateEditor, {
      value: source,
      columns: [],
      errors: [],
      ucs2: analyzeText(source).ucs2Chars,
      onInput: () => {},
    });
    expect(screen.getByText(/Characters forcing UCS-2/)).toHaveTextContent('(U+2019) at line 1, column 3');
    expect(container.querySelector('.backdrop mark.ucs2')?.textContent).toBe('’');
  });
});
