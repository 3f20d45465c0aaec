import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isReachable,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  saveWindowState,
  WINDOW_STATE_FILE,
} from './window-state';
import { tempDir } from '../testing/temp-dir';

const fresh = () => tempDir('omnicast-window');

describe('window state', () => {
  it('round-trips through the data folder', () => {
    const dir = join(fresh(), 'not-yet-created');
    const state = { x: 40, y: -20, width: 1400, height: 900, maximized: true };
    saveWindowState(dir, state);
    expect(loadWindowState(dir)).toEqual(state);
    expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(state);
  });

  it('is null when missing or corrupt', () => {
    const dir = fresh();
    expect(loadWindowState(dir)).toBeNull();
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{"x": 1, "y"');
    expect(loadWindowState(dir)).toBeNull();
    writeFileSync(join(dir, WINDOW_STATE_FILE), JSON.stringify({ x: 0, y: 0, width: 'big', height: 800 }));
    expect(loadWindowState(dir)).toBeNull();
  });

  it('rejects nonsense and raises a tiny window to the minimum size', () => {
    for (const raw of [
      null,
      [],
      { x: 0, y: 0, width: 1e9, height: 800, maximized: false },
      { x: 0.5, y: 0, width: 1000, height: 800, maximized: false },
    ])
      expect(parseWindowState(raw), JSON.stringify(raw)).toBeNull();
    expect(parseWindowState({ x: 5, y: 6, width: 100, height: 50, maximized: false })).toEqual({
      x: 5,
      y: 6,
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
      maximized: false,
    });
  });

  it('never saves an invalid state', () => {
    const dir = fresh();
    saveWindowState(dir, { x: Number.NaN, y: 0, width: 1000, height: 800, maximized: false });
    expect(loadWindowState(dir)).toBeNull();
  });

  it('is reachable only when its title bar is on a display', () => {
    const displays = [
      { x: 0, y: 0, width: 1920, height: 1080 },
      { x: 1920, y: 0, width: 1280, height: 1024 },
    ];
    expect(isReachable({ x: 100, y: 100, width: 1280, height: 800 }, displays)).toBe(true);
    expect(isReachable({ x: 2500, y: 300, width: 1280, height: 800 }, displays)).toBe(true);
    // The second monitor was unplugged.
    expect(isReachable({ x: 2500, y: 300, width: 1280, height: 800 }, displays.slice(0, 1))).toBe(false);
    // Title bar above the top edge.
    expect(isReachable({ x: 100, y: -500, width: 1280, height: 800 }, displays)).toBe(false);
  });
});
