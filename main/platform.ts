import type { ExportResult } from '../shared/types';

/** A report's CSV, produced as a stream of lines so that any size fits in bounded memory. */
export interface ExportSource {
  suggestedName: string;
  write(sink: (chunk: string) => void | Promise<void>): Promise<number>;
}

/**
 * What differs between the desktop shell and the web host. Handlers call these and never know
 * which one they run under.
 */
export interface Platform {
  /** Desktop: a save dialog then a file write. Web host: a one-time download URL. */
  offerExport(source: ExportSource): Promise<ExportResult>;
}
