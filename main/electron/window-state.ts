// The main window's size and place, remembered between runs in window-state.json in the data
// folder. Electron-free so it can be tested; ./window.ts reads it before creating the window and
// writes it as the window moves. A missing, corrupt or off-screen record falls back to the defaults.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';
/** The smallest window the layout is designed for (the BrowserWindow's minWidth/minHeight too). */
export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 640;
// Beyond any real screen: a record larger than this was not written by us.
const MAX_SIZE = 16_384;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

const coordinate = z.number().int().min(-MAX_SIZE).max(MAX_SIZE);
const size = z.number().int().positive().max(MAX_SIZE);
const schema = z.object({ x: coordinate, y: coordinate, width: size, height: size, maximized: z.boolean() });

/** A valid state with its size raised to the minimum, or null when `raw` is not a window state. */
export function parseWindowState(raw: unknown): WindowState | null {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return null;
  const s = parsed.data;
  return {
    x: s.x,
    y: s.y,
    width: Math.max(MIN_WIDTH, s.width),
    height: Math.max(MIN_HEIGHT, s.height),
    maximized: s.maximized,
  };
}

/** Whether enough of the window's title bar lies on some display to grab it (a screen may be gone). */
export function isReachable(state: Rect, displays: readonly Rect[]): boolean {
  const titleBar = { x: state.x, y: state.y, width: state.width, height: 40 };
  return displays.some((d) => {
    const w = Math.min(titleBar.x + titleBar.width, d.x + d.width) - Math.max(titleBar.x, d.x);
    const h = Math.min(titleBar.y + titleBar.height, d.y + d.height) - Math.max(titleBar.y, d.y);
    return w >= 100 && h >= 20;
  });
}

export function loadWindowState(dataDir: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8')));
  } catch {
    // First run or a damaged file: the default size is fine, and the next save rewrites it.
    return null;
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  const valid = parseWindowState(state);
  if (!valid) return;
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, WINDOW_STATE_FILE);
  // Write then rename: a crash mid-write leaves the old record, never half a file.
  writeFileSync(`${target}.tmp`, `${JSON.stringify(valid)}\n`);
  renameSync(`${target}.tmp`, target);
}
