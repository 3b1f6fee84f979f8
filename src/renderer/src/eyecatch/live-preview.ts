import type { EyecatchLivePreview } from './types'

/**
 * The eyecatch the studio is making, while it is open (null otherwise): card, feed and share
 * previews may subscribe to show the crop live, before anything is written. A plain store for
 * `useSyncExternalStore`.
 */
let current: EyecatchLivePreview | null = null
const listeners = new Set<() => void>()

/** Sets the live eyecatch (the studio calls it on every crop change). */
export function publishLivePreview(preview: EyecatchLivePreview | null): void {
  if (preview === current) return
  current = preview
  for (const l of listeners) l()
}

/** The live eyecatch now, or null. */
export function getLivePreview(): EyecatchLivePreview | null {
  return current
}

/** Subscribes to changes of the live eyecatch; returns the unsubscribe function. */
export function subscribeLivePreview(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
