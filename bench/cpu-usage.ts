// The send bench's readings of what a run cost, taken alike for the engine and for the floor: the
// process's CPU time, the main thread's, and the process's wake-ups. The main thread's comes from
// the kernel's account of that thread alone (/proc/thread-self/schedstat, Linux): a process's CPU
// time (process.cpuUsage) also counts V8's helper threads, its optimizing compiler, which compiles
// hot functions in the background, and the garbage collector's helpers. Taken on the main thread
// beside the process's figure, it tells the JavaScript and system calls of the work itself from
// what V8 spent compiling it. Null where the kernel does not offer it.
import { readFileSync } from 'node:fs';

export interface Usage {
  cpu: NodeJS.CpuUsage;
  /** The main thread's CPU time (µs), or null. */
  main: number | null;
  /** Voluntary context switches, all threads. */
  wakes: number;
}

export const usage = (): Usage => ({
  cpu: process.cpuUsage(),
  main: threadCpuMicros(),
  wakes: process.resourceUsage().voluntaryContextSwitches,
});

/** User and system CPU microseconds of the process between two readings. */
export const cpuMicros = (from: Usage, to: Usage) =>
  to.cpu.user - from.cpu.user + to.cpu.system - from.cpu.system;

/** Microseconds this thread has run, or null (not Linux, or /proc not mounted). */
function threadCpuMicros(): number | null {
  try {
    const ns = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1_000 : null;
  } catch {
    return null;
  }
}

/** What happened between two readings, per unit (a message, a request). */
export interface UsagePer {
  /** User and system CPU microseconds, all threads. */
  cpu: number;
  user: number;
  /** The main thread's CPU microseconds; null when either reading lacked it. */
  main: number | null;
  wakes: number;
}

export const usagePer = (from: Usage, to: Usage, units: number): UsagePer => ({
  cpu: cpuMicros(from, to) / units,
  user: (to.cpu.user - from.cpu.user) / units,
  main: from.main === null || to.main === null ? null : (to.main - from.main) / units,
  wakes: (to.wakes - from.wakes) / units,
});
