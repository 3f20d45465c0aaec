import { describe, expect, it } from 'vitest';
import { closeAfterEach } from './close-after-each';

const closeLater = closeAfterEach();
const closed: string[] = [];
const thing = (name: string) => ({ close: () => closed.push(name) });

// The tests run in order: each checks what the one before it left to the closer.
describe('closeAfterEach', () => {
  it('hands back what it is given, closing nothing during the test', () => {
    const first = thing('first');
    expect(closeLater(first)).toBe(first);
    closeLater({ name: 'second' }, (s) => closed.push(s.name));
    expect(closed).toEqual([]);
  });

  it('closed both after the test, the last opened first', async () => {
    expect(closed.splice(0)).toEqual(['second', 'first']);
    const early = closeLater(thing('early'));
    closeLater(thing('late'));
    await closeLater.now(early);
    expect(closed).toEqual(['early']);
  });

  it('never closes twice what a test closed itself', () => {
    expect(closed).toEqual(['early', 'late']);
  });
});
