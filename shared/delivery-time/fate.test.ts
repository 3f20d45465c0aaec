import { describe, expect, it } from 'vitest';
import { problemFate, rowFate, type ProblemRowTime } from './fate';
import type { GroupChoice, ProblemChoices, RowProblem } from './types';

const SEND_AT = '2027-02-19T08:00:00Z';

/** A row with `problem`, as planRowTime gives it: a time read (past, too far) has its send time. */
function problemRow(problem: RowProblem): ProblemRowTime {
  const message = `the row's ${problem} problem`;
  return problem === 'unparseable'
    ? { ok: false, problem, message }
    : { ok: false, problem, message, appointment: '2027-02-20T10:00+02:00', sendAt: SEND_AT };
}

/** Every group with `choice`. The contract offers keep-queued for too-far rows only; the others are
 * given it here to show that it cannot send them. */
function all(choice: GroupChoice): ProblemChoices {
  return { unparseable: choice, past: choice, tooFar: choice } as ProblemChoices;
}

describe('what becomes of a row', () => {
  it('delivers a row without a problem at its own time, whatever the choices', () => {
    const t = {
      ok: true,
      appointment: '2026-12-07T09:00+02:00',
      sendAt: '2026-12-07T07:00:00Z',
      zone: 'Europe/Tallinn',
      locale: 'et',
      movedByQuietHours: false,
    } as const;
    for (const choice of ['skip', 'send-now', 'keep-queued'] as const) {
      expect(rowFate(t, all(choice))).toEqual({ kind: 'scheduled', sendAt: '2026-12-07T07:00:00Z' });
    }
  });

  it.each([
    ['unparseable', 'skip', { kind: 'skipped' }],
    ['unparseable', 'send-now', { kind: 'now' }],
    ['unparseable', 'keep-queued', { kind: 'skipped' }],
    ['past', 'skip', { kind: 'skipped' }],
    ['past', 'send-now', { kind: 'now' }],
    ['past', 'keep-queued', { kind: 'skipped' }],
    ['too-far', 'skip', { kind: 'skipped' }],
    ['too-far', 'send-now', { kind: 'now' }],
    ['too-far', 'keep-queued', { kind: 'queued', sendAt: SEND_AT }],
  ] as const)('a row whose problem is %s, with %s chosen: %o', (problem, choice, fate) => {
    expect(problemFate(problemRow(problem), all(choice))).toEqual(fate);
    expect(rowFate(problemRow(problem), all(choice))).toEqual(fate);
  });

  it("applies each group's own choice", () => {
    const choices: ProblemChoices = { unparseable: 'send-now', past: 'skip', tooFar: 'keep-queued' };
    expect(rowFate(problemRow('unparseable'), choices)).toEqual({ kind: 'now' });
    expect(rowFate(problemRow('past'), choices)).toEqual({ kind: 'skipped' });
    expect(rowFate(problemRow('too-far'), choices)).toEqual({ kind: 'queued', sendAt: SEND_AT });
  });

  it('skips a row kept queued that has no time to wait for', () => {
    const t: ProblemRowTime = { ok: false, problem: 'too-far', message: 'too far' };
    expect(rowFate(t, all('keep-queued'))).toEqual({ kind: 'skipped' });
  });
});
