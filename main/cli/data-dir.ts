import { resolve } from 'node:path';
import { openDatabase, type Db } from '../db/database';
import { DatabaseDamagedError } from '../db/damage';
import { DatabaseTooNewError } from '../db/migrations';
import { DataFolderError } from '../data-folder';
import { defaultDataDir } from '../paths';
import { plainFailure } from './failures';
import { CliFailure, type CliIO } from './command';
import { errorMessage } from '../../shared/errors';

export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;
export const DATA_DIR_HELP =
  '  --data-dir DIR           the data folder (default: $OMNICAST_DATA_DIR, else the desktop app’s)';

export function dataDirFrom(value: string | undefined, io: CliIO): string {
  if (value) return resolve(io.cwd, value);
  if (io.env.OMNICAST_DATA_DIR) return resolve(io.cwd, io.env.OMNICAST_DATA_DIR);
  return defaultDataDir();
}

/** `readonly`: for commands that only read (see OpenOptions.readonly). */
export function openDataDir(
  dir: string,
  io?: Pick<CliIO, 'stderr'>,
  options: { readonly?: boolean } = {},
): Db {
  const stderr = io?.stderr ?? process.stderr;
  try {
    return openDatabase(dir, { notice: (line) => stderr.write(`${line}\n`), readonly: options.readonly });
  } catch (error) {
    throw dataFolderFailure(error, dir);
  }
}

/** What the CLI says when the data folder or its database cannot be opened: one sentence, no stack. */
export function dataFolderFailure(error: unknown, dir: string): CliFailure {
  if (
    error instanceof DatabaseTooNewError ||
    error instanceof DataFolderError ||
    error instanceof DatabaseDamagedError
  )
    return new CliFailure(error.message);
  return new CliFailure(
    plainFailure(error, dir) ?? `cannot open the data folder ${dir}: ${errorMessage(error)}`,
  );
}
