import type { ExportProgress } from '../shared/contract';
import type { ExportResult } from '../shared/types';

/** A report's CSV, produced as a stream of lines so that any size fits in bounded memory. */
export interface ExportSource {
  suggestedName: string;
  /**
   * Hands the CSV to `sink` chunk by chunk and resolves with the number of rows. `rowsSoFar`, when
   * given, counts the rows whose lines are in this chunk or an earlier one: what progress shows.
   */
  write(sink: (chunk: string, rowsSoFar?: number) => void | Promise<void>): Promise<number>;
  /**
   * The rows `write` will produce, for a progress bar. A function so that only a consumer that
   * shows progress pays for the count (the web host's browser shows bytes instead).
   */
  total?: () => number;
}

/** How an export reports to the renderer while it runs, and the id that cancels it. */
export interface ExportOptions {
  exportId?: string;
  onProgress?: (progress: Omit<ExportProgress, 'exportId'>) => void;
}

/**
 * What differs between the desktop shell and the web host. Handlers call these and never know
 * which one they run under.
 */
export interface Platform {
  /** Desktop: a save dialog then a file write. Web host: a one-time download URL. */
  offerExport(source: ExportSource, options?: ExportOptions): Promise<ExportResult>;
  /**
   * Stops a running export by the id given in its options; false when none runs by that id.
   * Absent on the web host, where the browser's own download shows progress and cancels.
   */
  cancelExport?(exportId: string): boolean;
  /**
   * Ends the platform's own running work before the core closes the database: the desktop cancels
   * running exports, so that quitting mid-export leaves no hidden partial file behind.
   */
  close?(): Promise<void>;
}
