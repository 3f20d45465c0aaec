// Tests only: an independent mock of Messente generated from its published OpenAPI document. Every
// request is routed and validated by the document (a violation is recorded and answered 400, as a
// validating mock server would); answers are the document's own examples, with the identities any
// server would give (a fresh omnimessage id per message, the recipient sent). Every answer it gives
// is checked against the document as well, so the mock cannot drift from it either.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type OpenAPIBackend from 'openapi-backend';
import type { Operation } from 'openapi-backend';
import {
  loadSpec,
  operationFor,
  requestViolations,
  responseViolations,
  type SeenRequest,
  type SeenResponse,
  type SpecChoices,
} from './spec-check';

type Json = Record<string, unknown>;

/** Replaces the generated answer for one operation (return null to keep it). */
export type Answer = (req: SeenRequest, generated: SeenResponse) => SeenResponse | null;

export interface SpecServer {
  apiUrl: string;
  legacyUrl: string;
  /** Every request received, with what the document found wrong with it. */
  requests: { method: string; path: string; operationId: string | null; violations: string[] }[];
  /** Violations of requests, then of the mock's own answers: empty when all kept to the document. */
  violations(): string[];
  close(): Promise<void>;
}

const json = (status: number, body: unknown): SeenResponse => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

const errorBody = (code: string, title: string, detail: string) => ({
  errors: [{ code, title, detail, source: null }],
});

function generated(api: OpenAPIBackend, op: Operation, req: SeenRequest): SeenResponse {
  const id = op.operationId!;
  const mock = (code: number, mediaType?: string) =>
    api.mockResponseForOperation(id, { code, ...(mediaType ? { mediaType } : {}) }).mock as unknown;
  const accepted = (body: Json): Json => {
    const item = mock(201) as Json;
    const template = ((item['messages'] as Json[] | undefined) ?? [])[0] ?? {};
    const messages = Array.isArray(body['messages']) ? (body['messages'] as Json[]) : [];
    return {
      ...item,
      omnimessage_id: randomUUID(),
      to: body['to'],
      messages: messages.map((m) => ({
        ...template,
        channel: m['channel'] ?? 'sms',
        message_id: randomUUID(),
        sender: typeof m['sender'] === 'string' ? m['sender'] : template['sender'],
      })),
    };
  };
  const body = (req.body ?? {}) as Json;
  switch (id) {
    case 'sendOmnimessage':
      return json(201, accepted(body));
    case 'sendBulkOmnimessage': {
      const list = Array.isArray(body['messages']) ? (body['messages'] as Json[]) : [];
      // The bulk operation's own generated answer gives the item shape; each item is one success.
      return json(201, { ...(mock(201) as Json), messages: list.map(accepted) });
    }
    case 'retrieveDeliveryReport': {
      const report = mock(200) as Json;
      const statuses = (report['statuses'] as Json[] | undefined) ?? [];
      const omnimessageId = decodeURIComponent(req.path.split('/')[3] ?? '');
      return json(200, {
        ...report,
        omnimessage_id: omnimessageId,
        statuses: statuses.map((s) => ({ ...s, message_id: randomUUID() })),
      });
    }
    default: {
      const code = Number(Object.keys(op.responses ?? {}).find((k) => /^2\d\d$/.test(k)) ?? 200);
      const content = (op.responses?.[String(code)] as { content?: Json } | undefined)?.content;
      const type = content ? Object.keys(content)[0]! : null;
      if (type === null) return { status: code, contentType: null, body: '' };
      const value = mock(code, type);
      return type === 'application/json'
        ? json(code, value)
        : { status: code, contentType: type, body: String(value) };
    }
  }
}

async function readRequest(req: IncomingMessage): Promise<SeenRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://mock');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  let body: unknown = undefined;
  if (raw !== '') {
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
  };
}

export async function startSpecServer(
  options: { spec?: SpecChoices; answers?: Record<string, Answer>; api?: OpenAPIBackend } = {},
): Promise<SpecServer> {
  const api = options.api ?? (await loadSpec(options.spec));
  const requests: SpecServer['requests'] = [];
  const answerProblems: string[] = [];
  const server = createServer((req, res) => {
    void readRequest(req).then((seen) => {
      const op = operationFor(api, seen);
      let answer: SeenResponse;
      if (typeof op === 'string') {
        requests.push({ method: seen.method, path: seen.path, operationId: null, violations: [op] });
        answer = json(404, errorBody('101', 'Not found', op));
      } else {
        const violations = requestViolations(api, seen);
        requests.push({ method: seen.method, path: seen.path, operationId: op.operationId!, violations });
        const made = generated(api, op, seen);
        answer =
          violations.length > 0
            ? json(400, errorBody('105', 'Invalid data', violations.join('; ')))
            : (options.answers?.[op.operationId!]?.(seen, made) ?? made);
        answerProblems.push(...responseViolations(api, op, answer));
      }
      res.writeHead(answer.status, answer.contentType ? { 'content-type': answer.contentType } : {});
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${origin}/v1`,
    legacyUrl: origin,
    requests,
    violations: () => [
      ...requests.flatMap((r) => r.violations.map((v) => `${r.method} ${r.path}: ${v}`)),
      ...answerProblems.map((p) => `mock answer: ${p}`),
    ],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
