import { BrowserWindow, screen } from 'electron';
import { mainWindowOptions } from './window-options';
import { isReachable, loadWindowState, saveWindowState } from './window-state';

// Moving or resizing fires dozens of events a second: write once the window has settled.
const SAVE_DELAY_MS = 500;

export function createMainWindow(preloadPath: string, appUrl: string, dataDir: string): BrowserWindow {
  const options = mainWindowOptions(preloadPath);
  const saved = loadWindowState(dataDir);
  // A position on a monitor that is no longer attached would open the window out of reach.
  const place =
    saved &&
    isReachable(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    )
      ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height }
      : saved
        ? { width: saved.width, height: saved.height }
        : {};
  // The isolation settings are restated at the call site: electronegativity (run in CI) reads the
  // literal passed to `new BrowserWindow`, and a reader should see them here too.
  const window = new BrowserWindow({
    ...options,
    ...place,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  rememberState(window, dataDir);
  void window.loadURL(appUrl);
  return window;
}

function rememberState(window: BrowserWindow, dataDir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    // The normal bounds, so that un-maximizing next time restores the size the operator chose.
    const { x, y, width, height } = window.getNormalBounds();
    const round = Math.round;
    try {
      saveWindowState(dataDir, {
        x: round(x),
        y: round(y),
        width: round(width),
        height: round(height),
        maximized: window.isMaximized(),
      });
    } catch (error) {
      console.error('Omnicast: saving the window state failed:', error);
    }
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
}
