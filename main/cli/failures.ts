// Failures that are not bugs, met anywhere in a command (a damaged database, a full disk, a file
// system refusal), put into words instead of "unexpected error: ENOSPC".
import { fileReason } from '../data-folder';
import { damagedDatabaseMessage, isDamageError } from '../db/damage';

const FILE_CODES = new Set([
  'EISDIR',
  'ENOENT',
  'ENOTDIR',
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'EIO',
]);

/** What SQLite's own codes mean for the operator; undefined for codes that mean a bug. */
const SQLITE_REASONS: Record<string, string> = {
  // Reading a WAL database needs its small -shm index beside it, which a write-protected folder refuses.
  SQLITE_READONLY_DIRECTORY:
    'the folder is write-protected, and even reading needs a small index file beside the database: make the folder writable, or copy it somewhere writable and use --data-dir',
  SQLITE_READONLY_CANTINIT:
    'the folder is write-protected, and even reading needs a small index file beside the database: make the folder writable, or copy it somewhere writable and use --data-dir',
  SQLITE_FULL: 'the disk is full: free some space and run the command again',
  SQLITE_READONLY: 'the database cannot be written to (permission denied or a read-only disk)',
  SQLITE_IOERR: 'the disk reported a read or write error',
  SQLITE_CANTOPEN: 'the database file cannot be opened (permission denied, or the folder is gone)',
};

/** The --data-dir value on a command line, if any (for messages about the database). */
export function dataDirArg(argv: string[]): string | undefined {
  let value: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--data-dir') value = argv[i + 1];
    else if (arg.startsWith('--data-dir=')) value = arg.slice('--data-dir='.length);
  });
  return value;
}

/** One sentence for a failure that is the disk's or the file's, not Omnicast's; else undefined. */
export function plainFailure(error: unknown, dataDir: string): string | undefined {
  if (isDamageError(error)) return damagedDatabaseMessage(dataDir);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const sqlite = Object.entries(SQLITE_REASONS).find(([prefix]) => code.startsWith(prefix));
  if (sqlite) return `the database in ${dataDir}: ${sqlite[1]}.`;
  if (!FILE_CODES.has(code)) return undefined;
  const path = (error as NodeJS.ErrnoException).path;
  return path ? `cannot use ${path}: ${fileReason(error)}.` : `${fileReason(error)}.`;
}
