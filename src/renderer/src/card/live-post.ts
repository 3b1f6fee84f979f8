import { useSyncExternalStore } from 'react'

/** The text the article preview rendered last and the HTML it got from it (before sanitizing). */
export interface LivePost {
  /** Repository-relative path of the post. */
  path: string
  /** The post's asset folder, as the preview resolved images with. */
  assetDir: string | null
  text: string
  /** `renderPost(text).html`: the card, feed and share views derive from this same parse. */
  html: string
  /** Increases with every render. */
  version: number
}

let current: LivePost | null = null
let version = 0
const listeners = new Set<() => void>()

/**
 * Called by the preview after each render. Listeners are React stores, whose re-render runs in a
 * microtask after the preview's patch: card and article change in the same frame.
 */
export function publishLivePost(post: Omit<LivePost, 'version'>): void {
  current = { ...post, version: ++version }
  for (const listener of listeners) {
    try {
      listener()
    } catch (e) {
      // A failing view must never break the article preview.
      console.error('Live post listener failed', e)
    }
  }
}

/** The last rendered post, or null before the first render. */
export function getLivePost(): LivePost | null {
  return current
}

/** Subscribes to renders; returns the unsubscribe function. */
export function subscribeLivePost(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const subscribeNowhere = () => () => undefined

/**
 * The last rendered post, re-rendering the component on each render while `active` (a hidden
 * tab passes false and catches up when shown).
 */
export function useLivePost(active = true): LivePost | null {
  return useSyncExternalStore(active ? subscribeLivePost : subscribeNowhere, getLivePost)
}
