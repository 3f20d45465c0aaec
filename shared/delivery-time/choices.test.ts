import { describe, expect, it } from 'vitest';
import { choiceFor } from './choices';

describe('choiceFor', () => {
  it("reads each problem group's own choice", () => {
    const choices = { unparseable: 'send-now', past: 'skip', tooFar: 'keep-queued' } as const;
    expect(choiceFor('unparseable', choices)).toBe('send-now');
    expect(choiceFor('past', choices)).toBe('skip');
    expect(choiceFor('too-far', choices)).toBe('keep-queued');
  });
});
