// Electron main process (bundled to dist/main/electron-main.cjs): one instance, one hardened window
// on omnicast://app, the core behind IPC, and campaigns paused before the app quits.
import { app, BrowserWindow, dialog, Notification, session, shell } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core';
import { DataFolderError } from '../data-folder';
import { DatabaseDamagedError } from '../db/damage';
import { DatabaseTooNewError } from '../db/migrations';
import { defaultDataDir } from '../paths';
import { VERSION } from '../version';
import { APP_URL } from './app-content';
import { createDesktopPlatform } from './dialogs';
import { noticeTitle, watchFinishes, type FinishNotice } from './finish-notice';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveAppScheme } from './protocol';
import { denyPermissions, guardWebContents } from './security';
import { createMainWindow } from './window';
import { errorMessage } from '../../shared/errors';

const HELP_URL = 'https://messente.com/documentation';
// Same folder as the CLI and the web host use, so all three see one database.
const dataDir = process.env.OMNICAST_DATA_DIR || defaultDataDir();

let window: BrowserWindow | null = null;
let core: Core | null = null;
let closed = false;

function logError(context: string, error: unknown): void {
  console.error(`Omnicast: ${context} failed:`, error);
}

function showWindow(): void {
  if (!window || window.isDestroyed()) {
    window = createMainWindow(join(__dirname, 'preload.cjs'), APP_URL, dataDir);
    window.on('closed', () => (window = null));
    return;
  }
  if (window.isMinimized()) window.restore();
  window.focus();
}

function notifyFinish(handlers: Core['handlers'], notice: FinishNotice): void {
  if (!Notification.isSupported()) return;
  const show = (name: string | null): void =>
    new Notification({ title: noticeTitle(notice.outcome, name), body: notice.body }).show();
  // The name makes the notification recognisable; without it the notice still goes out.
  void Promise.resolve()
    .then(() => handlers['campaigns.get']({ id: notice.campaignId }))
    .then(
      (detail) => show(detail.name),
      () => show(null),
    );
}

async function start(): Promise<void> {
  denyPermissions(session.defaultSession);
  serveAppScheme(join(__dirname, '../renderer'));
  try {
    core = await createCore({
      dataDir,
      platform: createDesktopPlatform(() => window),
      version: VERSION,
      notice: (line) => console.log(line),
    });
  } catch (error) {
    // These say in full what happened and what to do; anything else gets the folder named.
    const message =
      error instanceof DatabaseTooNewError ||
      error instanceof DataFolderError ||
      error instanceof DatabaseDamagedError
        ? error.message
        : `Omnicast cannot open its data folder ${dataDir}: ${errorMessage(error)}`;
    dialog.showErrorBox('Omnicast cannot start', message);
    closed = true;
    app.quit();
    return;
  }
  registerIpc(core, APP_URL, (name, error) => logError(`call ${name}`, error));
  const handlers = core.handlers;
  const onProgress = watchFinishes((notice) => notifyFinish(handlers, notice));
  core.events.subscribe((name, payload) => {
    if (name === 'campaign.progress') onProgress(payload);
  });
  installMenu(core.events, () => void shell.openExternal(HELP_URL));
  showWindow();
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (one database, one sender) and leaves.
  app.quit();
} else {
  app.setPath('userData', dataDir);
  app.enableSandbox();
  registerAppScheme();
  guardWebContents(APP_URL);
  app.on('second-instance', showWindow);
  app.on('activate', () => {
    if (core) showWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (closed || !core) return;
    // Pause sending campaigns and let in-flight requests be recorded before the process ends.
    event.preventDefault();
    const closing = core;
    core = null;
    void closing
      .close()
      .catch((error: unknown) => logError('closing', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  void app.whenReady().then(start, (error: unknown) => logError('start', error));
}
