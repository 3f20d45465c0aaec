// POST /api/call/<name>: the JSON body is the call's arguments; the answer is always a JSON
// envelope, so the renderer handles transport and handler errors alike.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Envelope, Handlers } from '../../shared/contract';
import { dispatch } from '../handlers/dispatch';

/** Large enough for a big batch of campaigns.addRecipients rows, small enough to stop a flood. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function sendEnvelope(response: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const body = JSON.stringify(envelope);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function tooLarge(response: ServerResponse, limit: number): void {
  // Close afterwards: we do not want to read the rest of an oversized body.
  response.setHeader('Connection', 'close');
  sendEnvelope(response, 413, {
    ok: false,
    error: {
      code: 'too_large',
      message: `The request is larger than ${Math.round(limit / 1024 / 1024)} MB. Send the recipients in smaller batches.`,
    },
  });
}

/** Reads the body up to `limit` bytes; undefined when it was too large (the 413 is already sent). */
function readBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
): Promise<Buffer | undefined> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    tooLarge(response, limit);
    request.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        tooLarge(response, limit);
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

export async function handleCall(
  request: IncomingMessage,
  response: ServerResponse,
  handlers: Handlers,
  rawName: string,
  options: { limit?: number; logError?: (name: string, error: unknown) => void } = {},
): Promise<void> {
  const body = await readBody(request, response, options.limit ?? MAX_BODY_BYTES);
  if (body === undefined) return;
  let args: unknown = {};
  if (body.length > 0) {
    try {
      args = JSON.parse(body.toString('utf8'));
    } catch {
      sendEnvelope(response, 200, {
        ok: false,
        error: { code: 'invalid_json', message: 'The request body is not valid JSON.' },
      });
      return;
    }
  }
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    name = '';
  }
  const logError = options.logError;
  const envelope = await dispatch(handlers, name, args, logError ? { logError } : {});
  sendEnvelope(response, 200, envelope);
}
