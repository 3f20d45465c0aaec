// Electron security checklist, applied to every web contents the app ever creates: no navigation
// away from the app, no new windows (https links go to the user's browser after a check), no
// <webview>, no permissions.
import { app, shell, type Session } from 'electron';
import { isSafeExternalUrl, isTrustedAppUrl } from './trusted-url';

export function denyPermissions(session: Session): void {
  // Omnicast needs no camera, microphone, location, notifications prompt or anything else.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

function openExternally(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

export function guardWebContents(appUrl: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (isTrustedAppUrl(url, appUrl)) return;
      event.preventDefault();
      openExternally(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedAppUrl(url, appUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
