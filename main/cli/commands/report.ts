import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { fileReason } from '../../data-folder';
import { deliveryReport } from '../../reports/delivery-report';
import { writeExportToFile } from '../../reports/write-export';
import { CliFailure, parseOptions, UsageError, type Command } from '../command';
import { DATA_DIR_HELP, DATA_DIR_OPTION, dataDirFrom, openDataDir } from '../data-dir';
import { UserError } from '../../handlers/dispatch';

/** The reason in words; a refused existing path is told apart from an existing folder. */
function whyNotWritten(path: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return fileReason(error);
  const folder = statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  return folder ? 'it is a folder' : 'it already exists (add --force to replace it)';
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'export a campaign’s delivery report as CSV (one row per recipient)',
  help: [
    'Usage: omnicast report ID --out FILE [--force] [--failed-only] [--data-dir DIR]',
    '',
    '  --out FILE               where to write the CSV (UTF-8 with BOM, opens in Excel)',
    '  --force                  replace FILE if it exists (otherwise an existing file is refused)',
    '  --failed-only            only rows that failed, are unknown or were not delivered',
    DATA_DIR_HELP,
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {
      ...DATA_DIR_OPTION,
      out: { type: 'string' },
      force: { type: 'boolean' },
      'failed-only': { type: 'boolean' },
    });
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isInteger(id) || id < 1)
      throw new UsageError('give one campaign id, e.g. omnicast report 3 --out report.csv');
    if (!values.out) throw new UsageError('say where to write the report with --out FILE.');
    const db = openDataDir(dataDirFrom(values['data-dir'], io), io, { readonly: true });
    try {
      let source;
      try {
        source = deliveryReport(db, id, values['failed-only'] === true);
      } catch (error) {
        if (error instanceof UserError) throw new UsageError(error.message);
        throw error;
      }
      const path = resolve(io.cwd, values.out);
      let rows: number;
      try {
        rows = await writeExportToFile(source, path, { overwrite: values.force === true });
      } catch (error) {
        throw new CliFailure(`cannot write ${values.out}: ${whyNotWritten(path, error)}.`);
      }
      io.stderr.write(`Wrote ${rows} rows to ${values.out}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
