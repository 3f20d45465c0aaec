// What the UI benchmark measures in the page: every animation frame's time, from a
// requestAnimationFrame loop started before the app. A gap between two frames is time the window could
// not paint or answer input; the Long Tasks API misses much of it (rendering, GC, input handling
// between tasks), frames do not. Also the two busy processes of the loaded run.
import { spawn, type ChildProcess } from 'node:child_process';

// Plain JS: this project's tsconfig has no DOM lib. Times are the page's own performance.now(), so
// Playwright's polling adds nothing. `action` is the last user action (click, change, key) the page
// saw: a phase starts there. `shown[key]` is the first frame after a selector matched: the frame
// that painted it.
export const FRAME_RECORDER = `(() => {
  const s = { frames: [], action: null, shown: {}, watch: {} };
  window.__omnicastBench = s;
  const loop = () => { s.frames.push(performance.now()); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  for (const type of ['click', 'change', 'keydown', 'input'])
    document.addEventListener(type, () => { s.action = performance.now(); }, true);
  s.watchFor = (key, selector) => { delete s.shown[key]; s.watch[key] = selector; };
  new MutationObserver(() => {
    if (Object.keys(s.watch).length === 0) return;
    for (const [key, selector] of Object.entries(s.watch)) {
      if (document.querySelector(selector)) {
        delete s.watch[key];
        requestAnimationFrame(() => { s.shown[key] = performance.now(); });
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

export interface PhaseFrames {
  /** Longest time between two frames while the phase ran (ms). */
  worstGapMs: number;
  gapsOver100: number;
  /** Start of each gap over 100 ms, after the phase started, with its length: for diagnosis. */
  slow: { at: number; gap: number }[];
}

export const GAP_TARGET_MS = 100;

/**
 * The gaps between consecutive frames that overlap [start, end]: the gap that was running when the
 * phase started counts, since the operator's action waited in it.
 */
export function framesDuring(frames: readonly number[], start: number, end: number): PhaseFrames {
  let worst = 0;
  const slow: { at: number; gap: number }[] = [];
  for (let i = 1; i < frames.length; i++) {
    const [a, b] = [frames[i - 1]!, frames[i]!];
    if (b < start || a > end) continue;
    const gap = b - a;
    worst = Math.max(worst, gap);
    if (gap > GAP_TARGET_MS) slow.push({ at: a - start, gap });
  }
  return { worstGapMs: worst, gapsOver100: slow.length, slow };
}

/** Two processes spinning at 100% CPU, as other programs on a busy computer would. */
export function startBusyLoad(count = 2): { stop: () => Promise<void> } {
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i++)
    children.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return {
    stop: async () => {
      await Promise.all(
        children.map(async (child) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGKILL');
          await exited;
        }),
      );
    },
  };
}
