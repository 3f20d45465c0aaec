// The desktop Platform: exports go through the system save dialog to a file the operator chose.
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { ExportResult } from '../../shared/types';
import { UserError } from '../handlers/dispatch';
import type { ExportSource, Platform } from '../platform';
import { writeExportToFile } from './write-export';

export function createDesktopPlatform(getWindow: () => BrowserWindow | null): Platform {
  return {
    async offerExport(source: ExportSource): Promise<ExportResult> {
      const options = {
        title: 'Save the delivery report',
        defaultPath: join(app.getPath('documents'), source.suggestedName),
        filters: [{ name: 'CSV file', extensions: ['csv'] }],
      };
      const window = getWindow();
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
      try {
        const rows = await writeExportToFile(source, choice.filePath);
        return { kind: 'saved', path: choice.filePath, rows };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new UserError(
          `Could not write ${choice.filePath} (${reason}). Choose another folder, or close the file if another program has it open.`,
          'export_failed',
        );
      }
    },
  };
}
