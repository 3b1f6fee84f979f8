import { useSyncExternalStore } from 'react'

/** How often relative dates are recomputed (ms): 「数秒前」 turns into 「1分前」 on time. */
const TICK_MS = 30_000

let now = Date.now()
let timer: ReturnType<typeof setInterval> | null = null
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (timer === null) {
    now = Date.now()
    timer = setInterval(() => {
      now = Date.now()
      for (const l of listeners) l()
    }, TICK_MS)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer)
      timer = null
    }
  }
}

const getNow = () => now

/**
 * The current time (epoch ms), one shared clock ticking every 30 s, so every view computes its
 * relative dates (and shares its cached card) for the same instant.
 */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow)
}
