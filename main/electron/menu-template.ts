// The application menu's shape, Electron-free (types only) so a test can check its items and
// shortcuts. Roles give each platform its native items; ./menu.ts installs it.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newCampaign: () => void;
  openRecipients: () => void;
  openHelp: () => void;
}

export function menuTemplate(isMac: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: '&New campaign', accelerator: 'CmdOrCtrl+N', click: actions.newCampaign },
        { label: '&Open recipients file…', accelerator: 'CmdOrCtrl+O', click: actions.openRecipients },
        { type: 'separator' },
        isMac ? { role: 'close' as const } : { role: 'quit' as const },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Messente API documentation', click: actions.openHelp }] },
  ];
}
