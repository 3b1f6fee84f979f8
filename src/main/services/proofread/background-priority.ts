/**
 * The proofreading worker gives way to what the writer is waiting for. On a two-core laptop a
 * first full lint of a long post keeps one core busy for a second or more; at normal priority it
 * competes with the window's renderer and compositor for that core (issue 13).
 *
 * Only a little lower, not the lowest: next to any program busy at normal priority (a build, a
 * browser tab) the scheduler gave a "nice" 19 thread about 1/70 of a core, so a 0.8 s first lint
 * took 40 s and the panel said 「校正しています…」 all that time. At 5 the renderer still gets three
 * quarters of a shared core, and a lint next to a busy program takes about 4 times as long.
 * A lower priority cannot be raised again without privileges, so the value is fixed.
 *
 * Linux lets one thread of a process have its own priority (`setpriority` with the thread's id),
 * so this lowers only the calling thread — the worker — never the app's main thread. Elsewhere
 * there is no such per-thread call in Node, and the worker keeps the normal priority.
 */
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/** The worker's "nice" value; exported for the test that checks the thread has it. */
export const BACKGROUND_NICE = 5

/**
 * Lowers the calling thread's priority to {@link BACKGROUND_NICE}; false when the platform cannot
 * (nothing changes then).
 */
export function runInBackground(): boolean {
  if (process.platform !== 'linux') return false
  try {
    // `/proc/thread-self` → `<pid>/task/<tid>`: this thread's id as the kernel knows it.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (!Number.isInteger(tid) || tid <= 0) return false
    setPriority(tid, BACKGROUND_NICE)
    return true
  } catch {
    return false
  }
}
