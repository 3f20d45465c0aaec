// Answer shapes the simulator never produces (reordered bulk items, garbled bodies, HTTP-date
// Retry-After) checked on the pure mapping functions.
import { describe, expect, it } from 'vitest';
import { parseErrors, parseRetryAfter, redactor } from './errors';
import type { HttpResponse } from './http';
import { bulkOutcome, singleOutcome } from './outcomes';

const res = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  type: 'response',
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const body = (to: string) => ({ to, messages: [{ channel: 'sms' as const, text: 'x' }] });
const ok = (id: string, to: string) => ({
  omnimessage_id: id,
  to,
  messages: [{ channel: 'sms', message_id: `m-${id}` }],
});
const refused = { errors: [{ code: 105, title: 'Invalid data', detail: 'bad', source: 'payload[to]' }] };

describe('bulkOutcome', () => {
  it('matches reordered items by `to`, and error items by position', () => {
    const out = bulkOutcome(res(201, { messages: [ok('b', '372222'), refused, ok('a', '+372111')] }), [
      body('+372111'),
      body('+372222'),
      body('bad'),
    ]);
    expect(out).toEqual({
      kind: 'items',
      httpStatus: 201,
      items: [
        { kind: 'accepted', omnimessageId: 'a', messageIds: ['m-a'] },
        { kind: 'accepted', omnimessageId: 'b', messageIds: ['m-b'] },
        {
          kind: 'rejected',
          errors: [{ code: '105', title: 'Invalid data', detail: 'bad', source: 'payload[to]' }],
        },
      ],
    });
  });

  it('is unknown when the items cannot all be matched', () => {
    expect(
      bulkOutcome(res(201, { messages: [ok('a', '+372111')] }), [body('+372111'), body('+372222')]),
    ).toMatchObject({
      kind: 'unknown',
      reason: 'bad-response',
    });
    expect(bulkOutcome(res(201, { messages: [ok('a', '+372999')] }), [body('+372111')])).toMatchObject({
      kind: 'unknown',
    });
  });
});

describe('singleOutcome and error bodies', () => {
  it('maps statuses to outcome kinds', () => {
    expect(singleOutcome(res(201, 'not json'))).toMatchObject({
      kind: 'unknown',
      reason: 'bad-response',
      httpStatus: 201,
    });
    expect(singleOutcome(res(500, ''))).toMatchObject({
      kind: 'unknown',
      reason: 'server-error',
      httpStatus: 500,
    });
    expect(singleOutcome(res(502, '<html>Bad gateway</html>'))).toMatchObject({
      kind: 'unknown',
      httpStatus: 502,
    });
    expect(singleOutcome(res(403, ''))).toMatchObject({
      kind: 'auth',
      httpStatus: 403,
      errors: [{ code: '403', title: 'Forbidden' }],
    });
    expect(singleOutcome(res(404, refused))).toMatchObject({ kind: 'rejected', errors: [{ code: '105' }] });
    expect(singleOutcome(res(503, '', { 'retry-after': '2' }))).toMatchObject({
      kind: 'retry',
      reason: 'unavailable',
      retryAfterMs: 2000,
    });
  });

  it('tolerates garbled bodies and reads Retry-After dates', () => {
    expect(parseErrors(400, '{"errors":[null]}')).toEqual([
      { code: '400', title: 'Bad Request', detail: '', source: null },
    ]);
    expect(parseErrors(400, '<h1>Oops</h1>')).toEqual([
      { code: '400', title: 'Bad Request', detail: 'Oops', source: null },
    ]);
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it('redacts the password in raw and URL-encoded form', () => {
    const redact = redactor('a&b c');
    expect(redact('x a&b c y a%26b%20c z a%26b+c')).toBe('x *** y *** z ***');
  });
});
