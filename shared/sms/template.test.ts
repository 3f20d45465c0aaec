import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  formatTemplateFile,
  parseTemplateFile,
  renderTemplate,
  typicalFields,
  type CompiledTemplate,
} from './template';

const COLUMNS = ['Name', ' Phone ', 'city'];

function compiled(source: string): CompiledTemplate {
  const r = compileTemplate(source, COLUMNS);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.template;
}

describe('compileTemplate', () => {
  it('matches columns case-insensitively and trimmed, and lists placeholders once', () => {
    const r = compileTemplate('Hi {{ name }}, {{NAME|there}} from {{City}} ({{phone}})', COLUMNS);
    expect(r).toMatchObject({ ok: true, placeholders: ['Name', 'city', 'Phone'] });
  });

  it('accepts text without placeholders and single braces as text', () => {
    const r = compileTemplate('Price {100} € }{', COLUMNS);
    expect(r.ok).toBe(true);
    if (r.ok) expect(renderTemplate(r.template, []).text).toBe('Price {100} € }{');
  });

  it.each([
    [
      'Hi {{nmae}}!',
      [{ message: 'Unknown column "nmae" — columns are: Name, Phone, city', index: 3, length: 8 }],
    ],
    [
      'Hi {{ }}',
      [{ message: 'Empty placeholder: write a column name between "{{" and "}}".', index: 3, length: 5 }],
    ],
    [
      'Hi {{|x}}',
      [{ message: 'Empty placeholder: write a column name between "{{" and "}}".', index: 3, length: 6 }],
    ],
    [
      'Hi {{name',
      [{ message: 'Opening "{{" is not closed: add "}}" after the column name.', index: 3, length: 2 }],
    ],
    [
      'Hi {{name {{city}}',
      [{ message: 'Opening "{{" is not closed: add "}}" after the column name.', index: 3, length: 2 }],
    ],
    ['Hi name}} ok', [{ message: 'Closing "}}" without an opening "{{" before it.', index: 7, length: 2 }]],
    [
      'a}} {{x}} b}}',
      [
        { message: 'Closing "}}" without an opening "{{" before it.', index: 1, length: 2 },
        { message: 'Unknown column "x" — columns are: Name, Phone, city', index: 4, length: 5 },
        { message: 'Closing "}}" without an opening "{{" before it.', index: 11, length: 2 },
      ],
    ],
  ])('%j → errors with positions', (source, errors) => {
    expect(compileTemplate(source, COLUMNS)).toEqual({ ok: false, errors });
  });
});

describe('renderTemplate', () => {
  const t = compiled('Hi {{name|there}}, see you in {{city}}. {{Name}}');

  it('merges values', () => {
    expect(renderTemplate(t, ['Anna', '+372', 'Tartu'])).toEqual({
      text: 'Hi Anna, see you in Tartu. Anna',
      emptyFields: [],
    });
  });

  it('uses the fallback for empty or blank values, and flags empty values without one (once)', () => {
    expect(renderTemplate(t, ['  ', '+372', ''])).toEqual({
      text: 'Hi there, see you in .   ',
      emptyFields: ['city', 'Name'],
    });
  });

  it('treats a missing field as empty', () => {
    expect(renderTemplate(t, ['Anna'])).toEqual({
      text: 'Hi Anna, see you in . Anna',
      emptyFields: ['city'],
    });
  });
});

describe('typicalFields', () => {
  it('picks a median-length value per column, preferring a GSM one', () => {
    const rows = [
      ['Al', 'x'],
      ['Ann', 'yy'],
      ['Jüri', 'zzz'],
      ['Žana', 'w'],
      ['Христо', 'v'],
    ];
    expect(typicalFields(rows, 2)).toEqual(['Jüri', 'x']);
    expect(typicalFields([['Žana'], ['Ivan'], ['Lea']], 1)).toEqual(['Ivan']);
  });

  it('gives empty values without rows', () => {
    expect(typicalFields([], 2)).toEqual(['', '']);
  });
});

describe('template files', () => {
  it.each([
    ['\ufeffHi {{name}}\r\nBye\r\n', 'Hi {{name}}\nBye'],
    ['Hi\n\n', 'Hi\n'],
    ['Hi', 'Hi'],
    ['', ''],
  ])('parses %j', (file, template) => {
    expect(parseTemplateFile(file)).toBe(template);
  });

  it('round-trips', () => {
    for (const t of ['Hi {{name}}\nBye', 'Hi\n', ''])
      expect(parseTemplateFile(formatTemplateFile(t))).toBe(t);
    expect(formatTemplateFile('a\r\nb')).toBe('a\nb\n');
  });
});
