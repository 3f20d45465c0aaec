// Yielding between slices of long work so the window keeps painting. A chain of zero-delay tasks is
// not enough: Chromium may run task after task for about 100 ms before it paints again. So once no
// frame has been painted for a while, the next slice waits for one; a hidden window, which paints no
// frames, goes on after a short timer instead of stopping.

export type Scheduler = (run: () => void) => void;

export interface FrameClock {
  now: () => number;
  /** Calls back at the next animation frame (before it is painted). */
  frame: (callback: () => void) => void;
  /** Runs in a new task: after the frame, when called from a frame callback. */
  task: (callback: () => void) => void;
  /** A timer, for a window that paints no frames. */
  timer: (callback: () => void, ms: number) => void;
}

/** Work may go on this long after the last frame before it waits for the next one. */
export const MAX_WITHOUT_FRAME_MS = 40;
/** A hidden window paints no frames: after this long without one, the work goes on anyway. */
const NO_FRAME_FALLBACK_MS = 100;

function browserClock(): FrameClock {
  // A message to oneself: unlike a chain of setTimeout, never clamped to 4 ms.
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return {
    now: () => performance.now(),
    frame: (callback) => requestAnimationFrame(() => callback()),
    task: (callback) => {
      queue.push(callback);
      channel.port2.postMessage(null);
    },
    timer: (callback, ms) => void setTimeout(callback, ms),
  };
}

/**
 * A scheduler for sliced work: the next slice runs in a new task at once while a frame was painted
 * less than MAX_WITHOUT_FRAME_MS ago, else right after the next frame.
 */
export function frameYielder(clock: FrameClock = browserClock()): Scheduler {
  let lastFrame = clock.now();
  let watching = false;
  const watch = (): void => {
    if (watching) return;
    watching = true;
    clock.frame(() => {
      watching = false;
      lastFrame = clock.now();
    });
  };
  return (run) => {
    watch();
    if (clock.now() - lastFrame < MAX_WITHOUT_FRAME_MS) return clock.task(run);
    let ran = false;
    const once = (): void => {
      if (ran) return;
      ran = true;
      run();
    };
    clock.frame(() => clock.task(once));
    clock.timer(once, NO_FRAME_FALLBACK_MS);
  };
}

let shared: Scheduler | null = null;

/** The window's one frame-aware scheduler (made on first use: specs without a window never need it). */
export const nextSlice: Scheduler = (run) => (shared ??= frameYielder())(run);
