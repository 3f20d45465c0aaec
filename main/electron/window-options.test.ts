import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

/** Electron's security checklist: what the renderer must have, and what it must never get. */
const REQUIRED = ['contextIsolation', 'sandbox', 'webSecurity'] as const;
const FORBIDDEN = [
  'nodeIntegration',
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'allowRunningInsecureContent',
  'experimentalFeatures',
  'webviewTag',
] as const;

describe('mainWindowOptions', () => {
  it('follows the Electron security checklist', () => {
    const { webPreferences = {} } = mainWindowOptions('/app/dist/main/preload.cjs');
    expect(webPreferences.preload).toBe('/app/dist/main/preload.cjs');
    for (const key of REQUIRED) expect(webPreferences[key], key).toBe(true);
    for (const key of FORBIDDEN) expect(webPreferences[key], key).toBe(false);
  });

  it('is readable at 1280×800 and does not flash an empty window', () => {
    const options = mainWindowOptions('/p');
    expect(options.width).toBe(1280);
    expect(options.height).toBe(800);
    expect(options.show).toBe(false);
  });
});
