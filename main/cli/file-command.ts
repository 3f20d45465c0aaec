// The opening shared by the commands that read a recipients file and a template (`preview`, `send`):
// the same flags parsed the same way, so the two can never disagree on what a file or a template is.
import { TARGET_OPTIONS } from './cli-core';
import { parseOptions, UsageError, type CliIO } from './command';
import { DATA_DIR_OPTION } from './data-dir';
import { autoconvertOption, IMPORT_OPTIONS, readTemplate, type InputValues } from './input-options';
import { TIME_OPTIONS } from './time-options';

const FILE_COMMAND_OPTIONS = {
  ...IMPORT_OPTIONS,
  ...DATA_DIR_OPTION,
  ...TARGET_OPTIONS,
  ...TIME_OPTIONS,
  prices: { type: 'string' },
} as const;

type OptionsConfig = Parameters<typeof parseOptions>[1];

/**
 * The command's flags (the shared ones and its own `extra`), its one recipients file, and the
 * template, read and checked before anything is opened; a bad --autoconvert is refused here too.
 */
export function parseFileCommand<E extends OptionsConfig>(argv: string[], io: CliIO, extra: E) {
  const { values, positionals } = parseOptions(argv, { ...FILE_COMMAND_OPTIONS, ...extra });
  if (positionals.length > 1) throw new UsageError('give one recipients file.');
  // Read through the shared flags' own type: the generic `extra` hides them from the compiler.
  const input: InputValues = values;
  const template = readTemplate(input, io.cwd);
  if (input.autoconvert !== undefined) autoconvertOption(input.autoconvert);
  return { values, file: positionals[0], template };
}
