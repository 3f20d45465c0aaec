import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  it('follows the Electron security checklist', () => {
    const { webPreferences } = mainWindowOptions('/app/dist/main/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('is readable at 1280×800 and does not flash an empty window', () => {
    const options = mainWindowOptions('/p');
    expect(options.width).toBe(1280);
    expect(options.height).toBe(800);
    expect(options.show).toBe(false);
  });
});
