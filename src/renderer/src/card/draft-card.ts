import { useSyncExternalStore } from 'react'
import { buildCard, type CardData } from '../../../shared/card'
import type { Profile } from '../../../shared/profile'
import { useShell } from '../shell/shell-context'
import type { WorkspaceView } from '../shell/workspace-view'
import { countFor, publishedUrl } from './bookmark-store'
import { useBookmarks } from './use-bookmarks'
import { useNow } from './use-now'

/** What the card of the post being written is built from. */
export interface DraftInputs {
  view: WorkspaceView
  path: string
  profile: Profile
  assetDir: string | null
  assetBase: string | null
  /** The post's text as the article preview shows it (the same version). */
  text: string
  /** The live post's rendered body, for the excerpt. */
  html: string
  /** The live post's front matter (the last valid one while the YAML is broken). */
  frontMatter: Record<string, unknown>
  /** `published: false` as last saved: such a post is not in the feed and its URL is never asked about. */
  unpublished: boolean
  now: number
}

/**
 * The inputs of the open post's card, following the article preview's renders while `active`
 * (hidden views pass false and catch up when shown): the card is of the post the article shows
 * and changes in the frame the article does. Null when no post is open.
 */
export function useDraftInputs(active: boolean): DraftInputs | null {
  const { workspace, livePost } = useShell()
  const view = useSyncExternalStore(workspace.subscribe, workspace.getSnapshot)
  // The value the article shows, not the editor's latest: the card never runs ahead of the article.
  const live = useSyncExternalStore(
    active ? livePost.subscribeShown : subscribeNowhere,
    active ? livePost.getShown : livePost.peekShown,
  )
  const now = useNow()
  // The post the article shows, which is the open one but for the frame or so after another is
  // opened: the card shows the same post as the article, never nothing in between.
  if (!live || !view.repo || !view.currentPath) return null
  const path = live.path
  return {
    view,
    path,
    profile: view.repo.profile,
    assetDir: live.assetDir,
    assetBase: view.appInfo?.assetBase ?? null,
    text: live.text,
    html: live.readingHtml,
    frontMatter: live.frontMatter,
    unpublished: view.posts.find((p) => p.path === path)?.draft ?? false,
    now,
  }
}

const subscribeNowhere = () => () => undefined

let memo: { key: unknown[]; card: CardData } | null = null

/** `buildCard`, remembered for the last inputs: the strip, feed and share views share one build. */
export function draftCard(inputs: DraftInputs): CardData {
  const key = [
    inputs.text,
    inputs.html,
    inputs.frontMatter,
    inputs.profile,
    inputs.now,
    inputs.path,
    inputs.assetDir,
  ]
  if (memo && memo.key.every((v, i) => v === key[i])) return memo.card
  const started = performance.now()
  const card = buildCard(inputs.text, {
    profile: inputs.profile,
    now: inputs.now,
    path: inputs.path,
    assetDir: inputs.assetDir,
    html: inputs.html,
    frontMatter: inputs.frontMatter,
  })
  // A user-timing entry: what a keystroke costs the card (a PerformanceObserver reads them all;
  // only the last is kept in the timeline).
  performance.clearMeasures('pw:card')
  performance.measure('pw:card', { start: started, end: performance.now() })
  memo = { key, card }
  return card
}

/** The open post's card with its bookmark count, live while `active`; null when none is open. */
export function useDraftCard(active: boolean): { inputs: DraftInputs; card: CardData } | null {
  const inputs = useDraftInputs(active)
  const card = inputs ? draftCard(inputs) : null
  const url = inputs && card ? publishedUrl(card, inputs.unpublished, inputs.now) : null
  const bookmarks = useBookmarks(url ? [url] : [])
  if (!inputs || !card) return null
  const count = countFor(bookmarks, url)
  return { inputs, card: count === card.bookmarks ? card : { ...card, bookmarks: count } }
}
