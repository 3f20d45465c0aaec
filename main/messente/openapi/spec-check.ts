// Tests only: Messente's published OpenAPI document as a validator of requests and answers, through
// openapi-backend (ajv underneath), so that the document, not our reading of it, judges both the
// client and the simulator. Never imported by the app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import addFormats from 'ajv-formats';
import OpenAPIBackend, { type Document, type Operation } from 'openapi-backend';
import { parse } from 'yaml';
import { AUTOCONVERT_MODES } from '../../../shared/limits';

export const SPEC_FILE = fileURLToPath(new URL('./messente-openapi.yaml', import.meta.url));

type Json = Record<string, unknown>;

/** The document as published. */
export function readSpec(): Document {
  return parse(readFileSync(SPEC_FILE, 'utf8')) as Document;
}

/**
 * The one place where Messente's prose beats its document: the SMS `autoconvert` enum reads
 * full/"true"/"false" (YAML turned on/off into booleans) while the field's own description and the
 * SMS documentation say on/full/off. The prose's values are what a validator accepts here.
 */
export const PROSE_OVER_DOCUMENT = { smsAutoconvert: AUTOCONVERT_MODES } as const;

/** Request bodies Omnicast builds: closed, so a renamed or misspelt field is a violation too. */
const CLOSED_REQUEST_SCHEMAS = ['Omnimessage', 'BulkOmnimessage', 'SMS', 'NumberToBlacklist'];

export interface SpecChoices {
  /** Apply PROSE_OVER_DOCUMENT (default true); false judges by the document as printed. */
  prose?: boolean;
  /** Refuse request fields the document does not name (default true). */
  closed?: boolean;
}

export function specDefinition(choices: SpecChoices = {}): Document {
  const doc = readSpec();
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Json>;
  // An empty `anyOf` (WhatsApp template updates, which Omnicast never sends) is not valid OpenAPI
  // and would stop the whole document from loading; without it that schema accepts anything.
  for (const schema of Object.values(schemas)) {
    if (Array.isArray(schema['anyOf']) && schema['anyOf'].length === 0) delete schema['anyOf'];
  }
  if (choices.prose ?? true) {
    const sms = schemas['SMS']!['properties'] as Record<string, Json>;
    sms['autoconvert'] = { ...sms['autoconvert'], enum: [...PROSE_OVER_DOCUMENT.smsAutoconvert] };
  }
  if (choices.closed ?? true) {
    for (const name of CLOSED_REQUEST_SCHEMAS)
      schemas[name] = { ...schemas[name], additionalProperties: false };
  }
  return doc;
}

export async function loadSpec(choices: SpecChoices = {}): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition: specDefinition(choices),
    strict: true,
    ajvOpts: { allErrors: true },
    customizeAjv: (ajv) => {
      addFormats(ajv);
      // The document spells two formats its own way: "UUID" for uuid, "url" for uri.
      ajv.addFormat('UUID', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      ajv.addFormat('url', (value: string) => URL.canParse(value));
      // A strftime pattern given as a format (phonebook groups, unused here): not checkable.
      ajv.addFormat('%Y-%m-%dT%H:%M:%S.%fZ', true);
      return ajv;
    },
  });
  await api.init();
  return api;
}

export interface SeenRequest {
  method: string;
  /** Path as sent, with the Omnichannel API's /v1 prefix. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** Operations the document serves from api2.messente.com (its root) rather than /v1. */
function isLegacy(api: OpenAPIBackend, op: Operation): boolean {
  const servers = api.definition.paths?.[op.path]?.servers ?? op.servers ?? [];
  return servers.some((s) => /api2\.messente\.com/.test(s.url));
}

/** Strips the /v1 of the Omnichannel base; the legacy endpoints live at the host's root. */
export function specPath(path: string): { path: string; v1: boolean } {
  return path.startsWith('/v1/') ? { path: path.slice(3), v1: true } : { path, v1: false };
}

const describe = (errors: readonly { instancePath?: string; message?: string; params?: unknown }[]) =>
  errors.map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params ?? {})}`);

/** The operation a request is for, or a sentence saying why there is none. */
export function operationFor(api: OpenAPIBackend, req: SeenRequest): Operation | string {
  const { path, v1 } = specPath(req.path);
  const op = api.matchOperation({ method: req.method, path, headers: req.headers, query: req.query });
  if (!op) return `${req.method} ${req.path} is not an operation of the document`;
  if (isLegacy(api, op) === v1)
    return `${req.method} ${req.path}: ${op.operationId} is not served under that base`;
  return op;
}

/** Everything the document finds wrong with one request (empty: valid). */
export function requestViolations(api: OpenAPIBackend, req: SeenRequest): string[] {
  const op = operationFor(api, req);
  if (typeof op === 'string') return [op];
  const { path } = specPath(req.path);
  const problems: string[] = [];
  const result = api.validateRequest(
    { method: req.method, path, headers: req.headers, query: req.query, body: req.body },
    op,
  );
  if (!result.valid) problems.push(...describe(result.errors ?? []));
  const schemes = (op.security ?? api.definition.security ?? []).flatMap((s) => Object.keys(s));
  if (schemes.includes('basicAuth') && !/^Basic \S+$/.test(req.headers['authorization'] ?? ''))
    problems.push('no HTTP Basic authorization header');
  const body = op.requestBody as { content?: Json } | undefined;
  if (body?.content && req.body !== undefined) {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!(type in body.content))
      problems.push(`content-type ${type || '(none)'} is not one the document takes`);
  }
  return problems.map((p) => `${op.operationId}: ${p}`);
}

export interface SeenResponse {
  status: number;
  contentType: string | null;
  body: string;
}

/** The first 4xx the operation documents with a JSON body: the error shape it answers with. */
function errorStatusOf(op: Operation): number {
  const codes = Object.entries(op.responses ?? {})
    .filter(([k, r]) => /^4\d\d$/.test(k) && (r as { content?: Json }).content?.['application/json'])
    .map(([k]) => Number(k));
  return codes[0] ?? 400;
}

/**
 * Everything the document finds wrong with one answer to `op`. A status the operation does not
 * declare (429, 503, 405 occur in practice) must still carry the error shape it declares for 4xx.
 */
export function responseViolations(api: OpenAPIBackend, op: Operation, res: SeenResponse): string[] {
  const problems: string[] = [];
  const declared = op.responses?.[String(res.status)] ?? op.responses?.['default'];
  const content = (declared as { content?: Json } | undefined)?.content;
  const type = (res.contentType ?? '').split(';')[0]!.trim();
  if (declared && !content && res.body !== '') problems.push(`HTTP ${res.status} must have no body`);
  if (content && !Object.keys(content).some((k) => k.split(';')[0]!.trim() === type))
    problems.push(`HTTP ${res.status} as ${type || '(none)'}, documented ${Object.keys(content).join(', ')}`);
  if (type === 'application/json') {
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch {
      return [`${op.operationId}: HTTP ${res.status} body is not JSON`];
    }
    const status = declared ? res.status : errorStatusOf(op);
    const result = api.validateResponse(json, op, status);
    if (!result.valid) problems.push(...describe(result.errors ?? []));
    if (!declared && res.status < 400) problems.push(`HTTP ${res.status} is not documented`);
  }
  return problems.map((p) => `${op.operationId}: ${p}`);
}
