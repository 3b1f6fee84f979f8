import { useSyncExternalStore } from 'react'
import { buildCard, type CardData } from '../../../shared/card'
import type { Profile } from '../../../shared/profile'
import type { LivePost } from '../shell/live-post'
import { useShell } from '../shell/shell-context'
import type { SteadyView } from '../shell/workspace-view'
import { countFor, publishedUrl } from './bookmark-store'
import { useBookmarks } from './use-bookmarks'
import { useNow } from './use-now'

/** What the views of the open post's card need besides the card itself. */
export interface DraftInputs {
  path: string
  profile: Profile
  assetDir: string | null
  assetBase: string | null
  /** `published: false` as last saved: such a post is not in the feed and its URL is never asked about. */
  unpublished: boolean
  now: number
}

/** The open post's card and what its views need with it. */
export interface DraftCard {
  inputs: DraftInputs
  card: CardData
}

/** The parts of the shown live post a card is built from (nothing else of a keystroke matters). */
interface CardSource {
  inputs: DraftInputs
  /** The live post's leading body HTML, for the excerpt. */
  html: string
  /** The live post's front matter (the last valid one while the YAML is broken). */
  frontMatter: Record<string, unknown>
}

function sameInputs(a: DraftInputs, b: DraftInputs): boolean {
  return (
    a.path === b.path &&
    a.profile === b.profile &&
    a.assetDir === b.assetDir &&
    a.assetBase === b.assetBase &&
    a.unpublished === b.unpublished &&
    a.now === b.now
  )
}

/** The last card made, shared by the strip, the card, feed and share tabs. */
let memo: { source: CardSource; draft: DraftCard; json: string } | null = null

/**
 * The card of `live` (the value the article shows), value-stable: a keystroke that changes nothing
 * the card reads (typing past the excerpt) returns the same object without building, and a build
 * that comes out equal (the excerpt's HTML changed, its text did not) returns the last object too,
 * so the card's views are not even re-rendered. Null when no post is open.
 */
export function draftCardOf(
  live: LivePost | null,
  view: SteadyView,
  now: number,
): DraftCard | null {
  // The post the article shows, which is the open one but for the frame or so after another is
  // opened: the card shows the same post as the article, never nothing in between.
  if (!live || !view.repo || !view.currentPath) return null
  const path = live.path
  const source: CardSource = {
    inputs: {
      path,
      profile: view.repo.profile,
      assetDir: live.assetDir,
      assetBase: view.appInfo?.assetBase ?? null,
      unpublished: view.posts.find((p) => p.path === path)?.draft ?? false,
      now,
    },
    html: live.readingHtml,
    frontMatter: live.frontMatter,
  }
  const last = memo
  if (
    last &&
    sameInputs(last.source.inputs, source.inputs) &&
    last.source.frontMatter === source.frontMatter &&
    last.source.html === source.html
  )
    return last.draft
  const started = performance.now()
  const card = buildCard('', {
    profile: source.inputs.profile,
    now,
    path,
    assetDir: source.inputs.assetDir,
    html: source.html,
    frontMatter: source.frontMatter,
  })
  // A user-timing entry: what a keystroke costs the card (a PerformanceObserver reads them all;
  // only the last is kept in the timeline).
  performance.clearMeasures('pw:card')
  performance.measure('pw:card', { start: started, end: performance.now() })
  // Card data is plain data: equal JSON is an equal card.
  const json = JSON.stringify(card)
  const draft =
    last && json === last.json && sameInputs(last.source.inputs, source.inputs)
      ? last.draft
      : { inputs: source.inputs, card }
  memo = { source, draft, json }
  return draft
}

const subscribeNowhere = () => () => undefined

/**
 * The open post's card with its bookmark count, following the article preview's renders while
 * `active` (hidden views pass false and catch up when shown): the card is of the post the article
 * shows and changes in the frame the article does. Null when no post is open.
 */
export function useDraftCard(active: boolean): DraftCard | null {
  const { workspace, livePost } = useShell()
  // The save state is no part of the card: typing after an autosave re-renders none of it.
  const view = useSyncExternalStore(workspace.subscribe, workspace.getSteadySnapshot)
  const now = useNow()
  // The value the article shows, not the editor's latest: the card never runs ahead of the article.
  const draft = useSyncExternalStore(active ? livePost.subscribeShown : subscribeNowhere, () =>
    draftCardOf(active ? livePost.getShown() : livePost.peekShown(), view, now),
  )
  const url = draft ? publishedUrl(draft.card, draft.inputs.unpublished, now) : null
  const bookmarks = useBookmarks(url ? [url] : [])
  if (!draft) return null
  const count = countFor(bookmarks, url)
  return count === draft.card.bookmarks
    ? draft
    : { ...draft, card: { ...draft.card, bookmarks: count } }
}
