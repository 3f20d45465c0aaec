import { describe, expect, it } from 'vitest';
import { frameYielder, MAX_WITHOUT_FRAME_MS, type FrameClock } from './frame-yield';

/** A clock under the test's control: frames, tasks and timers run only when the test says so. */
function manualClock() {
  let now = 0;
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  const timers: { at: number; run: () => void }[] = [];
  const clock: FrameClock = {
    now: () => now,
    frame: (cb) => void frames.push(cb),
    task: (cb) => void tasks.push(cb),
    timer: (cb, ms) => void timers.push({ at: now + ms, run: cb }),
  };
  return {
    clock,
    advance: (ms: number) => (now += ms),
    paint: () => frames.splice(0).forEach((cb) => cb()),
    runTasks: () => tasks.splice(0).forEach((cb) => cb()),
    runTimers: () =>
      timers
        .splice(0)
        .filter((t) => t.at <= now)
        .forEach((t) => t.run()),
    pending: () => ({ frames: frames.length, tasks: tasks.length }),
  };
}

describe('frameYielder', () => {
  it('runs the next slice in a new task while a frame was painted recently', () => {
    const m = manualClock();
    const schedule = frameYielder(m.clock);
    let runs = 0;
    schedule(() => runs++);
    expect(runs).toBe(0);
    m.runTasks();
    expect(runs).toBe(1);
  });

  it('waits for the next frame once none was painted for a while, then runs after it', () => {
    const m = manualClock();
    const schedule = frameYielder(m.clock);
    let runs = 0;
    m.advance(MAX_WITHOUT_FRAME_MS + 1);
    schedule(() => runs++);
    m.runTasks();
    expect(runs).toBe(0);
    m.paint();
    expect(runs).toBe(0); // not inside the frame, where it would delay the paint
    m.runTasks();
    expect(runs).toBe(1);
    // The frame it waited for counts: the next slice goes at once.
    schedule(() => runs++);
    m.runTasks();
    expect(runs).toBe(2);
  });

  it('goes on without frames in a hidden window, and runs a slice only once', () => {
    const m = manualClock();
    const schedule = frameYielder(m.clock);
    let runs = 0;
    m.advance(MAX_WITHOUT_FRAME_MS + 1);
    schedule(() => runs++);
    m.advance(100);
    m.runTimers();
    expect(runs).toBe(1);
    m.paint();
    m.runTasks();
    expect(runs).toBe(1);
  });
});
