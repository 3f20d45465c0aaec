// Exports on the web host: the handler's ExportSource is parked under a one-time id and streamed
// when the browser follows the returned URL. A source is a generator of CSV lines, so a report of
// any size passes through bounded memory as long as we wait for the socket to drain.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ExportResult } from '../../shared/types';
import type { ExportSource, Platform } from '../platform';

export const DOWNLOAD_TTL_MS = 10 * 60 * 1000;
export const DOWNLOAD_PREFIX = '/api/download/';

export interface DownloadPlatform extends Platform {
  /** Removes and returns the source behind an id: every id works once, and not after its TTL. */
  take(id: string): ExportSource | undefined;
}

export function createDownloadPlatform(ttlMs = DOWNLOAD_TTL_MS): DownloadPlatform {
  const pending = new Map<string, ExportSource>();
  return {
    async offerExport(source: ExportSource): Promise<ExportResult> {
      const id = randomBytes(18).toString('base64url');
      pending.set(id, source);
      // unref: a forgotten download must not keep the process alive at shutdown.
      setTimeout(() => pending.delete(id), ttlMs).unref();
      return { kind: 'download', url: `${DOWNLOAD_PREFIX}${id}` };
    },
    take(id) {
      const source = pending.get(id);
      pending.delete(id);
      return source;
    },
  };
}

/** `filename=` for old agents (ASCII only, no quotes), `filename*=` with the real name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

class ClientGone extends Error {}

/** Resolves when the socket wants more, rejects when the client went away (no drain will come). */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      response.off('close', onClose);
      resolve();
    };
    const onClose = (): void => {
      response.off('drain', onDrain);
      reject(new ClientGone());
    };
    response.once('drain', onDrain);
    response.once('close', onClose);
  });
}

export async function serveDownload(
  response: ServerResponse,
  source: ExportSource,
  logError?: (error: unknown) => void,
): Promise<void> {
  response.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': contentDisposition(source.suggestedName),
    'Cache-Control': 'no-store',
  });
  try {
    await source.write(async (chunk) => {
      if (response.destroyed) throw new ClientGone();
      if (!response.write(chunk)) await drained(response);
    });
    response.end();
  } catch (error) {
    if (!(error instanceof ClientGone)) logError?.(error);
    // Headers are gone already: cutting the connection is the only way to tell the browser the
    // file is incomplete rather than let it save a truncated report as if it were whole.
    response.destroy();
  }
}
