// Mistakes a template can hold that are not errors: text that looks meant as a merge field but is
// sent as written.
import { columnIndexByKey, columnKey } from '../../../shared/sms/template';

export interface SingleBraceHint {
  /** "{First name}" as typed. */
  text: string;
  /** The column it names, as the file spells it. */
  column: string;
  /** UTF-16 index in the template. */
  index: number;
}

/** Every `{name}` (single braces) whose name is a column, matched as `{{name}}` would match it. */
export function singleBraceHints(template: string, columns: readonly string[]): SingleBraceHint[] {
  const byKey = columnIndexByKey(columns);
  const hints: SingleBraceHint[] = [];
  // Not part of {{…}}: no brace right before the opening one or right after the closing one.
  const pattern = /(?<!\{)\{([^{}\n]+)\}(?!\})/g;
  for (const match of template.matchAll(pattern)) {
    const index = byKey.get(columnKey(match[1] ?? ''));
    const column = index === undefined ? undefined : columns[index];
    if (column !== undefined) hints.push({ text: match[0], column, index: match.index });
  }
  return hints;
}
