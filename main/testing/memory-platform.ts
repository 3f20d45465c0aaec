// Tests only: a platform that "saves" each export into memory, standing in for the desktop's save
// dialog, so a test reads what the operator's file would hold.
import type { ExportResult } from '../../shared/types';
import type { ExportSource, Platform } from '../platform';

/** Each export's whole text is pushed onto `saved`, in the order they were made. */
export function memoryPlatform(saved: string[] = []): Platform {
  return {
    async offerExport(source: ExportSource): Promise<ExportResult> {
      let text = '';
      const rows = await source.write((chunk) => {
        text += chunk;
      });
      saved.push(text);
      return { kind: 'saved', path: source.suggestedName, rows };
    },
  };
}
