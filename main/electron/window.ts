import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './window-options';

export function createMainWindow(preloadPath: string, appUrl: string): BrowserWindow {
  const options = mainWindowOptions(preloadPath);
  // The isolation settings are restated at the call site: electronegativity (run in CI) reads the
  // literal passed to `new BrowserWindow`, and a reader should see them here too.
  const window = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}
