// The data folder holds phone numbers and message texts: it is private to the person running
// Omnicast (0700, files 0600), and it is only ever created where a folder can sensibly live.
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { errorMessage } from '../shared/errors';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Kernel views, not storage: creating folders there fails in odd ways or never returns. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/** More missing levels than this is a typo, not a data folder (and it keeps creation bounded). */
export const MAX_NEW_LEVELS = 16;

/** A data folder that cannot be used; the message is one sentence for the operator. */
export class DataFolderError extends Error {
  override name = 'DataFolderError';
}

export interface DataFolderOptions {
  platform?: NodeJS.Platform;
  /** One line to show the operator (the folder was tightened). */
  notice?: (line: string) => void;
}

function underSystemRoot(path: string): string | undefined {
  return SYSTEM_ROOTS.find((root) => path === root || path.startsWith(root + sep));
}

/** The deepest part of `path` that exists, with its real (symlink-free) path. */
function nearestExisting(path: string): { path: string; real: string; missing: string[] } {
  const missing: string[] = [];
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    missing.unshift(current);
    current = parent;
  }
  return { path: current, real: realpathSync(current), missing };
}

/**
 * Checks `dir`, creates what is missing (one level at a time, never recursively, never more than
 * MAX_NEW_LEVELS), and makes the folder and the files in it private. Throws DataFolderError.
 */
export function prepareDataFolder(dir: string, options: DataFolderOptions = {}): void {
  const platform = options.platform ?? process.platform;
  const path = resolve(dir);
  const posix = platform !== 'win32';
  const system = posix ? underSystemRoot(path) : undefined;
  if (system) {
    throw new DataFolderError(
      `The data folder ${dir} would be inside ${system}, a system folder that cannot hold files: choose a folder in your home folder.`,
    );
  }
  const existing = nearestExisting(path);
  const realSystem = posix ? underSystemRoot(existing.real) : undefined;
  if (realSystem) {
    throw new DataFolderError(
      `The data folder ${dir} would be inside ${realSystem}, a system folder that cannot hold files: choose a folder in your home folder.`,
    );
  }
  if (!statSync(existing.path).isDirectory()) {
    throw new DataFolderError(
      existing.missing.length === 0
        ? `The data folder ${dir} is a file, not a folder: choose another path.`
        : `Cannot create the data folder ${dir}: ${existing.path} is a file, not a folder.`,
    );
  }
  if (existing.missing.length > MAX_NEW_LEVELS) {
    throw new DataFolderError(
      `Cannot create the data folder ${dir}: it is ${existing.missing.length} folders below the nearest existing one; create it yourself first if that is really meant.`,
    );
  }
  for (const level of existing.missing) {
    try {
      mkdirSync(level, { mode: PRIVATE_FOLDER_MODE });
    } catch (error) {
      throw new DataFolderError(fileProblem(`create the data folder ${dir}`, error));
    }
  }
  if (posix && existing.missing.length === 0) tighten(path, dir, options.notice);
}

/**
 * An existing folder made private, with its files; one line says so when anything changed. Only
 * the group and other bits are taken away: a file the owner write-protected stays write-protected.
 */
function tighten(path: string, shown: string, notice?: (line: string) => void): void {
  let changed = false;
  const restrict = (target: string, mode: number): void => {
    if ((mode & 0o077) === 0) return;
    chmodSync(target, mode & 0o700);
    changed = true;
  };
  try {
    restrict(path, statSync(path).mode);
    for (const name of readdirSync(path)) {
      const file = join(path, name);
      const stat = statSync(file);
      if (stat.isFile()) restrict(file, stat.mode);
    }
  } catch {
    // A folder owned by someone else cannot be changed; it still opens, as it did before.
    return;
  }
  if (changed) notice?.(`Omnicast: made the data folder ${shown} private (only you can read it now).`);
}

/** Creates `path` empty with owner-only permissions if it does not exist (SQLite copies its mode). */
export function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** "cannot <action>: <reason>" for a file system error, in words rather than an error code. */
export function fileProblem(action: string, error: unknown): string {
  return `Cannot ${action}: ${fileReason(error)}.`;
}

export function fileReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EEXIST':
      return 'it already exists';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EIO':
      return 'the disk reported a read or write error';
    default:
      return errorMessage(error);
  }
}
