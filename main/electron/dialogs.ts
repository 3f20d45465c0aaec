// The desktop Platform: exports go through the system save dialog to a file the operator chose,
// then run as a cancellable job (main/reports/export-jobs) that reports its progress.
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { ExportResult } from '../../shared/types';
import { createFileExports } from '../reports/export-jobs';
import type { ExportOptions, ExportSource, Platform } from '../platform';

export function createDesktopPlatform(getWindow: () => BrowserWindow | null): Platform {
  const exports = createFileExports();
  return {
    async offerExport(source: ExportSource, options?: ExportOptions): Promise<ExportResult> {
      const dialogOptions = {
        title: 'Save the delivery report',
        defaultPath: join(app.getPath('documents'), source.suggestedName),
        filters: [{ name: 'CSV file', extensions: ['csv'] }],
      };
      const window = getWindow();
      const choice = window
        ? await dialog.showSaveDialog(window, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions);
      if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
      return exports.run(source, choice.filePath, options);
    },
    cancelExport: (exportId) => exports.cancel(exportId),
    close: () => exports.cancelAll(),
  };
}
