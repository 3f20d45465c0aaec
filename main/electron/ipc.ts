// The desktop transport: one invoke channel carrying contract calls into the same dispatch as the
// web host, and one channel pushing bus events to the app's windows.
import { BrowserWindow, ipcMain } from 'electron';
import type { Envelope, Handlers } from '../../shared/contract';
import type { EventBus } from '../events';
import { dispatch } from '../handlers/dispatch';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';
import { isTrustedAppUrl } from './trusted-url';

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This page may not use Omnicast.' },
};

export function registerIpc(
  core: { handlers: Handlers; events: EventBus },
  appUrl: string,
  logError: (name: string, error: unknown) => void,
): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, args: unknown) => {
    // Only the app's own top-level page may call: never an iframe or a page navigated to somehow.
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedAppUrl(frame.url, appUrl)) return FORBIDDEN;
    return dispatch(core.handlers, name, args, { logError });
  });

  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isTrustedAppUrl(contents.getURL(), appUrl))
        contents.send(EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}
