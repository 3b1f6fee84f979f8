/**
 * The proofreading worker gives way to everything the writer is waiting for. On a two-core laptop
 * a first full lint of a long post keeps one core busy for seconds; at normal priority it competes
 * with the window's renderer and compositor for that core, and typing frames come late. At the
 * lowest priority the scheduler runs it only on time nobody else wants (issue 13).
 *
 * Linux lets one thread of a process have its own priority (`setpriority` with the thread's id),
 * so this lowers only the calling thread — the worker — never the app's main thread. Elsewhere
 * there is no such per-thread call in Node, and the worker keeps the normal priority.
 */
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/** The lowest priority ("nice" 19). */
const LOWEST = 19

/** Lowers the calling thread's priority; false when the platform cannot (nothing changes then). */
export function runAtLowestPriority(): boolean {
  if (process.platform !== 'linux') return false
  try {
    // `/proc/thread-self` → `<pid>/task/<tid>`: this thread's id as the kernel knows it.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (!Number.isInteger(tid) || tid <= 0) return false
    setPriority(tid, LOWEST)
    return true
  } catch {
    return false
  }
}
