import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { deliveryReport } from '../../reports/delivery-report';
import { CliFailure, parseOptions, UsageError, type Command } from '../command';
import { DATA_DIR_HELP, DATA_DIR_OPTION, dataDirFrom, openDataDir } from '../data-dir';
import { UserError } from '../../errors';

export const reportCommand: Command = {
  name: 'report',
  summary: 'export a campaign’s delivery report as CSV (one row per recipient)',
  help: [
    'Usage: omnicast report ID --out FILE [--failed-only] [--data-dir DIR]',
    '',
    '  --out FILE               where to write the CSV (UTF-8 with BOM, opens in Excel)',
    '  --failed-only            only rows that failed, are unknown or were not delivered',
    DATA_DIR_HELP,
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {
      ...DATA_DIR_OPTION,
      out: { type: 'string' },
      'failed-only': { type: 'boolean' },
    });
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isInteger(id) || id < 1)
      throw new UsageError('give one campaign id, e.g. omnicast report 3 --out report.csv');
    if (!values.out) throw new UsageError('say where to write the report with --out FILE.');
    const db = openDataDir(dataDirFrom(values['data-dir'], io));
    try {
      let source;
      try {
        source = deliveryReport(db, id, values['failed-only'] === true);
      } catch (error) {
        if (error instanceof UserError) throw new UsageError(error.message);
        throw error;
      }
      const path = resolve(io.cwd, values.out);
      // A buffer above the export's 256 KB chunks, so a chunk never waits for a drain it does not need.
      const file = createWriteStream(path, { highWaterMark: 1 << 20 });
      const failed = once(file, 'error').then(([error]) => {
        throw new CliFailure(`cannot write ${values.out}: ${(error as Error).message}`);
      });
      const rows = await Promise.race([
        source.write(async (chunk) => {
          if (!file.write(chunk)) await once(file, 'drain');
        }),
        failed,
      ]);
      file.end();
      await Promise.race([once(file, 'finish'), failed]);
      io.stderr.write(`Wrote ${rows} rows to ${values.out}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
