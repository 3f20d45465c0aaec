// The application menu, wired: File items become 'app.command' events for the window (so the
// renderer's wizard does the work), the open dialog reads the file here with a size limit.
import { BrowserWindow, dialog, Menu, type OpenDialogOptions } from 'electron';
import type { EventBus } from '../events';
import { readMenuFile } from './menu-file';
import { menuTemplate } from './menu-template';

async function openRecipients(events: EventBus): Promise<void> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
  const options: OpenDialogOptions = {
    title: 'Open recipients file',
    properties: ['openFile'],
    filters: [
      { name: 'Recipients (CSV, TSV, text)', extensions: ['csv', 'tsv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || !path) return;
  const result = await readMenuFile(path);
  if (result.ok) {
    events.emit('app.command', result.command);
    return;
  }
  const box = {
    type: 'warning' as const,
    title: 'Omnicast',
    message: 'The file cannot be opened',
    detail: result.message,
  };
  if (window) await dialog.showMessageBox(window, box);
  else await dialog.showMessageBox(box);
}

export function installMenu(events: EventBus, openHelp: () => void): void {
  const template = menuTemplate(process.platform === 'darwin', {
    newCampaign: () => events.emit('app.command', { command: 'newCampaign' }),
    openRecipients: () =>
      void openRecipients(events).catch((error: unknown) =>
        console.error('Omnicast: open file failed:', error),
      ),
    openHelp,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
