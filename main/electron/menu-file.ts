// Reading the file chosen with File → Open recipients file…, Electron-free so it can be tested. The
// bytes cross IPC as base64 (a third larger, copied a few times), so the menu takes files up to
// MENU_FILE_LIMIT; beyond that drag-and-drop hands the renderer the file without any copy through main.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AppCommand } from '../../shared/contract';
import { errorMessage } from '../../shared/errors';

const MB = 1024 * 1024;
/** The largest recipients file Omnicast imports at all. */
export const MAX_RECIPIENTS_BYTES = 1024 * MB;
/** The largest file sent through the menu's IPC message. */
export const MENU_FILE_LIMIT = 200 * MB;

export type MenuFileResult =
  { ok: true; command: Extract<AppCommand, { command: 'openRecipients' }> } | { ok: false; message: string };

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / MB).toLocaleString('en')} MB`;
}

export async function readMenuFile(
  path: string,
  limits: { menu: number; max: number } = { menu: MENU_FILE_LIMIT, max: MAX_RECIPIENTS_BYTES },
): Promise<MenuFileResult> {
  const name = basename(path);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const reason = errorMessage(error);
    return { ok: false, message: `${name} could not be opened (${reason}). Check that it still exists.` };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, message: `${name} is not a file. Choose a CSV file.` };
    if (stats.size > limits.max)
      return {
        ok: false,
        message: `${name} is ${megabytes(stats.size)}: Omnicast imports recipients files up to ${megabytes(limits.max)}. Split it into smaller files.`,
      };
    if (stats.size > limits.menu)
      return {
        ok: false,
        message: `${name} is ${megabytes(stats.size)}, too big to open from the menu (up to ${megabytes(limits.menu)}). Drag the file onto the Recipients step instead, or send it with the command line: omnicast send ${name} --template '…'.`,
      };
    // Read from the same handle that was measured, so a file growing meanwhile cannot pass the limit.
    const bytes = await handle.readFile();
    if (bytes.length > limits.menu)
      return { ok: false, message: `${name} grew while it was being read. Try again once it is saved.` };
    return {
      ok: true,
      command: { command: 'openRecipients', fileName: name, bytesBase64: bytes.toString('base64') },
    };
  } catch (error) {
    const reason = errorMessage(error);
    return {
      ok: false,
      message: `${name} could not be read (${reason}). Close it in other programs and try again.`,
    };
  } finally {
    await handle.close();
  }
}
