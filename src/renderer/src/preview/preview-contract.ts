/** What the preview controller (preview-controller.ts) takes from the app and tells it. */
import type { RenderedArticle } from './render-article'

/** What the preview shows and how it gets there. */
export interface PreviewSource {
  /**
   * Renders the current text (header built in `doc`, blocks unsanitized); null: nothing open.
   * Returns the same object again while nothing changed, and the preview then does nothing.
   */
  render(doc: Document): RenderedArticle | null
  /**
   * The article now shows what the last `render` returned: called in the task that patched it,
   * before the frame is painted (views that must agree with the article follow it here).
   */
  shown?(): void
  /** The preview was bound to (true) or unbound from (false) a loaded frame. */
  bound?(bound: boolean): void
}

/** The article's top-level blocks in source order, with the 0-based source line each starts at. */
export interface ArticleBlocks {
  readonly elements: readonly Element[]
  /** Block `i`'s source line, or NaN when it has none. */
  line(i: number): number
}

/** What the preview tells the app. */
export interface PreviewHooks {
  /** A link to http/https/mailto was clicked (S9). */
  openExternal(url: string): void
  /** The article was patched (scroll sync re-aligns). */
  onPatched(): void
  /**
   * The preview scrolled. `byWriter`: the writer moved it (wheel, keys, pointer, touch, a link in
   * it) within the last moment; otherwise its content moved it (another post's article replacing
   * this one, blocks growing above the view), which must never take the editor along.
   */
  onScroll(byWriter: boolean): void
}

/** The detail of the `pw:preview-updated` event (used by the benchmark). */
export interface PreviewUpdated {
  version: number
  /** Render + patch (ms). */
  ms: number
  /** When the render started (`performance.now()`): the editor's share ends there. */
  started: number
  /** The live post's share (ms): the incremental render, or reading the value already made. */
  renderMs: number
  /** Sanitizing and patching the preview's DOM (ms). */
  patchMs: number
}
