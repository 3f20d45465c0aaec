// Every call, malformed in every way we can generate from a valid example: wrong types, extra keys,
// missing required fields, huge strings. None may reach a handler; all come back invalid_arguments.
import { describe, expect, it } from 'vitest';
import {
  CALL_NAMES,
  callArgs,
  MAX_FILE_CHARS,
  type CallArgs,
  type CallName,
  type Handlers,
} from '../../shared/contract';
import { dispatch } from './dispatch';
import { namedRecipients } from './test-support';

const [recipient] = namedRecipients(['+37251234567']);

/** One valid argument object per call: the seeds the malformed cases are generated from. */
const VALID: { [K in CallName]: CallArgs<K> } = {
  'app.info': {},
  'settings.get': {},
  'settings.update': {
    testMode: false,
    defaultSender: 'Shop',
    defaultCountry: 'EE',
    defaultRate: 5,
    defaultAutoconvert: 'on',
    apiUrl: 'https://api.messente.com/v1',
    maxSegments: 10,
  },
  'credentials.status': {},
  'credentials.save': { username: 'u', password: 'p' },
  'credentials.delete': {},
  'templates.list': {},
  'templates.save': { id: 1, name: 'n', body: 'b' },
  'templates.delete': { id: 1 },
  'campaigns.list': {},
  'campaigns.get': { id: 1 },
  'campaigns.create': {
    name: 'n',
    template: 't',
    sender: 's',
    autoconvert: 'on',
    country: 'EE',
    columns: ['phone'],
    phoneColumn: 0,
    sourceFile: 'a.csv',
    headerRow: 2,
  },
  'campaigns.addRecipients': {
    id: 1,
    recipients: [recipient!],
  },
  'campaigns.rows': {
    id: 1,
    offset: 0,
    limit: 10,
    states: ['queued'],
    deliveryStatuses: ['DELIVRD', 'PENDING'],
    errorCodes: ['105'],
    billedDiffers: true,
  },
  'campaigns.start': { id: 1, rate: 10, maxCostEur: 5 },
  'campaigns.pause': { id: 1 },
  'campaigns.resume': { id: 1 },
  'campaigns.cancel': { id: 1 },
  'campaigns.cancelRows': { id: 1, rows: [2, 3] },
  'campaigns.refreshStatuses': { id: 1 },
  'campaigns.cancelRefresh': { id: 1 },
  'campaigns.retryFailed': { id: 1, kinds: ['failed'] },
  'campaigns.deliveryCounts': { id: 1 },
  'campaigns.markUnknown': { id: 1, rows: null, as: 'sent' },
  'campaigns.testSend': {
    template: 'Hi {name}',
    columns: ['name', 'phone'],
    fields: ['Ann', '+37251234567'],
    to: '+37251234567',
    sender: 'Shop',
    autoconvert: 'on',
  },
  'reports.export': { id: 1, failedOnly: false, exportId: 'c0ffee00-1234' },
  'reports.cancelExport': { exportId: 'c0ffee00-1234' },
  'reports.exportCampaigns': {},
  'credentials.test': {},
  'account.balance': {},
  'prices.get': {},
  'prices.fetch': {},
  'prices.import': { csv: 'EE,0.06', fileName: 'p.csv' },
  'prices.set': { country: 'EE', price: '0.06' },
  'replacements.get': {},
  'replacements.set': { text: "’ => '" },
  'optOuts.list': { offset: 0, limit: 10 },
  'optOuts.numbers': {},
  'optOuts.add': { phones: ['5123 4567'], defaultCountry: 'EE' },
  'optOuts.remove': { phone: '+37251234567' },
  'optOuts.import': { csv: 'phone\n+37251234567', fileName: 'o.csv', defaultCountry: 'EE' },
  'optOuts.export': {},
  'optOuts.sync': {},
};

const HUGE = 'x'.repeat(MAX_FILE_CHARS + 1);

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return '1';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  if (value === null) return { a: 1 };
  return 7;
}

type Json = Record<string, unknown>;
const clone = <T>(v: T): T => structuredClone(v);

/** Every path (as keys) to a string leaf of the example. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function setAt(root: Json, path: (string | number)[], value: unknown): Json {
  const copy = clone(root);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function malformedCases(name: CallName): [string, unknown][] {
  const valid = VALID[name] as Json;
  const shape = (
    callArgs[name] as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }
  ).shape;
  const cases: [string, unknown][] = [
    ['a string', 'text'],
    ['a number', 42],
    ['a list', [valid]],
    ['an extra key', { ...clone(valid), injected: true }],
    [
      'a prototype key',
      JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(valid).slice(1)}`.replace(', }', '}')),
    ],
  ];
  for (const key of Object.keys(valid)) {
    cases.push([`${key} of the wrong type`, { ...clone(valid), [key]: wrongTypeFor(valid[key]) }]);
    if (!shape[key]!.safeParse(undefined).success) {
      const { [key]: _dropped, ...rest } = clone(valid);
      cases.push([`${key} missing`, rest]);
    }
  }
  for (const path of stringPaths(valid)) cases.push([`${path.join('.')} huge`, setAt(valid, path, HUGE)]);
  return cases;
}

function recordingHandlers(reached: unknown[]): Handlers {
  return Object.fromEntries(
    CALL_NAMES.map((n) => [n, (args: unknown) => (reached.push(args), {})]),
  ) as unknown as Handlers;
}

describe('contract validation through dispatch', () => {
  it('has a valid example for every call name', () => {
    expect(Object.keys(VALID).sort()).toEqual([...CALL_NAMES].sort());
  });

  it.each(CALL_NAMES)('%s: the valid example reaches the handler, malformed ones never do', async (name) => {
    const reached: unknown[] = [];
    const handlers = recordingHandlers(reached);
    expect((await dispatch(handlers, name, VALID[name])).ok).toBe(true);
    expect(reached).toHaveLength(1);
    const cases = malformedCases(name);
    expect(cases.length).toBeGreaterThanOrEqual(4);
    for (const [label, bad] of cases) {
      const envelope = await dispatch(handlers, name, bad);
      if (envelope.ok) throw new Error(`${name} accepted ${label}`);
      expect(envelope.error.code, label).toBe('invalid_arguments');
      // The refusal never echoes a huge value back.
      expect(envelope.error.message.length, label).toBeLessThan(500);
    }
    expect(reached).toHaveLength(1);
  });
});
