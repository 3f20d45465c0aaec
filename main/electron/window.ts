import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './window-options';

export function createMainWindow(preloadPath: string, appUrl: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}
