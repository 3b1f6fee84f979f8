import { BlockPatcher } from './block-patcher'
import { classifyLink } from './link-policy'
import { LayoutWindow, scrollToTarget } from './layout-window'
import { ARTICLE_ID } from './preview-shell'
import type { ArticleBlocks, PreviewHooks, PreviewSource, PreviewUpdated } from './preview-contract'
import { previewListItems, sanitizeBlock, type RenderedArticle } from './render-article'

/** Time between renders when renders are slow (ms). */
const SLOW_IDLE_MS = 150
/**
 * Renders slower than this (twice in a row) wait for a pause in typing (ms). The live post renders
 * only the pieces an edit touched, so this is left for posts that must render whole (footnotes in a
 * very long post) and for an overloaded machine.
 */
const SLOW_RENDER_MS = 40
/**
 * Renders at most this slow run in the keystroke's own task (a microtask after the editor's update),
 * so the keystroke and the preview are painted in the same frame; slower ones wait for the next
 * frame so the keystroke is painted first (ms).
 */
const SAME_FRAME_RENDER_MS = 12
/** Longest quiet time waited for, however slow the render (ms). */
const MAX_IDLE_MS = 1000
/** How many times in a row a preview frame that navigated away is given its shell back. */
const MAX_RESTORES = 3
const XLINK = 'http://www.w3.org/1999/xlink'

export type { ArticleBlocks, PreviewHooks, PreviewSource, PreviewUpdated } from './preview-contract'

/** How long after the writer's last input in the preview its scrolling counts as theirs (ms). */
const INTENT_MS = 1000
/** A scroll this soon after the writer's last one continues their gesture (ms). */
const GESTURE_GAP_MS = 150

/**
 * From this many top-level blocks on, blocks far from the viewport skip style, layout and paint
 * (see preview-css.ts and layout-window.ts): a 200k-character post has thousands of blocks, and
 * laying all of them out after each keystroke took most of the keystroke's frame.
 */
export const LONG_ARTICLE_BLOCKS = 300
/**
 * A body this long (characters) is long from its first render: a big post fills in by steps, and
 * every block of a step put in before the article counted as long was laid out whole (its
 * Japanese text shaped), though only the viewport's need to be. About the length of {@link LONG_ARTICLE_BLOCKS} blocks of prose.
 */
export const LONG_ARTICLE_CHARS = 30_000
const LONG_CLASS = 'pw-long'

/**
 * Keeps the sandboxed preview frame in step with the live post: renders in the keystroke's own task
 * when that is fast (the usual case: only the touched pieces re-render), else after the next frame
 * is painted; coalesces keystrokes so only the latest text renders; renders at most every 150 ms
 * or more only when renders stay slow; and patches only the changed blocks so the page neither
 * flickers nor loses its scroll position.
 */
export class PreviewController {
  private frame: HTMLIFrameElement | null = null
  private article: HTMLElement | null = null
  private stale = false
  private rafPending = false
  private microtaskPending = false
  /** A big change waits for the next frame to be painted (see {@link schedule}). */
  private deferred = false
  /**
   * No frame has started since the big change: a render already queued for after an earlier frame
   * (a big post filling in) must not take it before the editor has painted it.
   */
  private awaitingFrame = false
  private idleTimer: ReturnType<typeof setTimeout> | null = null
  private lastMs = 0
  /** Smoothed render time: one slow render (a GC pause) must not move typing off the fast path. */
  private typicalMs = 0
  private slowStreak = 0
  private version = 0
  private readonly channel = new MessageChannel()
  private detachFrame: (() => void) | null = null
  private readonly patcher = new BlockPatcher(sanitizeBlock, previewListItems)
  private header: HTMLElement | null = null
  private headerKey = ''
  /** The article last patched in (the source returns the same object while its value is the same). */
  private shown: RenderedArticle | null = null
  private restores = 0
  /** A long article's blocks laid out near the viewport (null while unbound). */
  private window: LayoutWindow | null = null
  /**
   * When the writer last acted in the preview (`performance.now()`): a wheel, a key, a pointer, a
   * touch, or a link they followed. Its scrolling within {@link INTENT_MS} after is theirs.
   */
  private writerInputAt = -Infinity
  /**
   * A `#fragment` link followed before its target was rendered (a big post still filling in): the
   * preview jumps there when it arrives, unless the writer does something else first.
   */
  private pendingJump: string | null = null

  constructor(
    private readonly source: PreviewSource,
    private readonly hooks: PreviewHooks,
  ) {
    this.channel.port1.onmessage = () => this.flush()
  }

  /** The preview's document once loaded. */
  get document(): Document | null {
    return this.article?.ownerDocument ?? null
  }

  /** The article's block elements in source order with their lines (the header not included). */
  blocks(): ArticleBlocks | null {
    if (!this.article) return null
    const lines = this.patcher.lines()
    return { elements: this.patcher.elements(), line: (i) => lines[i] ?? NaN }
  }

  /** Binds to the preview frame; call again after its srcdoc (re)loads. */
  attach(frame: HTMLIFrameElement): void {
    this.detach()
    this.frame = frame
    const doc = frame.contentDocument
    const article = doc?.getElementById(ARTICLE_ID) ?? null
    if (!doc || !article) {
      // The frame navigated away from its shell after all (S5/S9): load the shell again.
      this.restoreShell()
      return
    }
    this.restores = 0
    this.article = article
    const layoutWindow = (this.window = new LayoutWindow(article, () =>
      article.classList.contains(LONG_CLASS),
    ))
    this.source.bound?.(true)
    // A fresh shell: rebuild everything into it.
    article.replaceChildren()
    this.patcher.reset()
    this.shown = null
    this.header = null
    this.headerKey = ''
    const onClick = (e: MouseEvent) => this.onClick(e)
    const block = (e: Event) => e.preventDefault()
    // The writer's input in the preview, and their last scroll: a drag of the scrollbar goes on
    // for as long as its scroll events keep coming.
    this.writerInputAt = -Infinity
    let lastWriterScroll = -Infinity
    const onInput = () => {
      this.writerInputAt = performance.now()
      this.pendingJump = null
    }
    // Acting in the app (typing, another post, a pane) drops a jump still waiting for its target.
    const onAppInput = () => {
      this.pendingJump = null
    }
    const onScroll = () => {
      // In the scroll's own frame: blocks scrolled near are laid out before it is painted.
      layoutWindow.update()
      const now = performance.now()
      const byWriter =
        now - this.writerInputAt < INTENT_MS || now - lastWriterScroll < GESTURE_GAP_MS
      if (byWriter) lastWriterScroll = now
      this.hooks.onScroll(byWriter)
    }
    const intents = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const
    const onResize = () => layoutWindow.update()
    // An image finishing its load moves everything below it: scroll sync must measure again.
    let relayout = 0
    const onLoad = (e: Event) => {
      if ((e.target as Element | null)?.tagName !== 'IMG' || relayout) return
      relayout = requestAnimationFrame(() => {
        relayout = 0
        layoutWindow.update()
        this.hooks.onPatched()
      })
    }
    doc.addEventListener('load', onLoad, true)
    doc.addEventListener('click', onClick, true)
    doc.addEventListener('auxclick', block, true)
    doc.addEventListener('submit', block, true)
    doc.addEventListener('dragstart', block, true)
    doc.addEventListener('scroll', onScroll, { passive: true })
    for (const type of intents) {
      doc.addEventListener(type, onInput, { capture: true, passive: true })
      window.addEventListener(type, onAppInput, { capture: true, passive: true })
    }
    doc.defaultView?.addEventListener('resize', onResize)
    this.detachFrame = () => {
      doc.removeEventListener('load', onLoad, true)
      if (relayout) cancelAnimationFrame(relayout)
      doc.removeEventListener('click', onClick, true)
      doc.removeEventListener('auxclick', block, true)
      doc.removeEventListener('submit', block, true)
      doc.removeEventListener('dragstart', block, true)
      doc.removeEventListener('scroll', onScroll)
      for (const type of intents) {
        doc.removeEventListener(type, onInput, { capture: true })
        window.removeEventListener(type, onAppInput, { capture: true })
      }
      this.pendingJump = null
      doc.defaultView?.removeEventListener('resize', onResize)
      layoutWindow.dispose()
    }
    this.stale = true
    this.flush()
  }

  /** Unbinds from the frame. */
  detach(): void {
    this.detachFrame?.()
    this.detachFrame = null
    this.window = null
    if (this.article) this.source.bound?.(false)
    this.article = null
    this.frame = null
  }

  /**
   * The text changed: render soon (coalesced; only the latest text is rendered). A `big` change
   * (a paste, another post) renders after the next frame is painted, whatever renders usually
   * take, so the editor shows it first; changes until then join it.
   */
  schedule(big = false): void {
    this.stale = true
    // Set before the throttle below too: its timer may come before the editor paints the change.
    if (big) this.awaitingFrame = true
    // Two slow renders in a row (not a one-off warm-up) mean this text renders at most every `wait`.
    if (this.slowStreak >= 2) {
      // Throttled, not debounced: a steady stream of changes (typing, a big post filling in) must
      // not keep pushing the render away.
      if (this.idleTimer !== null) return
      const wait = Math.min(MAX_IDLE_MS, Math.max(SLOW_IDLE_MS, this.lastMs))
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null
        this.flush()
      }, wait)
      return
    }
    if (big || this.deferred) {
      this.deferred = true
      this.afterPaint()
      return
    }
    if (this.typicalMs <= SAME_FRAME_RENDER_MS) {
      if (this.microtaskPending) return
      this.microtaskPending = true
      queueMicrotask(() => {
        this.microtaskPending = false
        this.flush()
      })
      return
    }
    this.afterPaint()
  }

  /** Renders in a task after the next frame is painted. */
  private afterPaint(): void {
    if (this.rafPending) return
    this.rafPending = true
    requestAnimationFrame(() => {
      this.rafPending = false
      this.awaitingFrame = false
      // A message task runs after this frame is painted: the keystroke shows first.
      this.channel.port2.postMessage(null)
    })
  }

  /** The preview's scroll position (px). */
  get scrollTop(): number {
    return this.document?.scrollingElement?.scrollTop ?? 0
  }

  set scrollTop(value: number) {
    const el = this.document?.scrollingElement
    if (!el) return
    el.scrollTop = value
    // Scroll sync moves the preview in a frame callback: lay out what it now shows in that frame.
    this.window?.update()
  }

  /** Total scrollable height of the preview document (px). */
  get scrollHeight(): number {
    return this.document?.scrollingElement?.scrollHeight ?? 0
  }

  /** Renders now if the text changed since the last render. */
  flush(): void {
    if (this.frame && this.frame.contentDocument !== (this.article?.ownerDocument ?? null)) {
      // Whatever took the frame away, the next render brings the preview back.
      this.stale = true
      this.restoreShell()
      return
    }
    if (!this.stale || !this.article) return
    if (this.awaitingFrame) {
      this.afterPaint()
      return
    }
    this.stale = false
    this.deferred = false
    const started = performance.now()
    const mark = { rendered: started }
    const article = this.article
    try {
      const next = this.source.render(article.ownerDocument)
      // The article already shows this value (the live post told of a change this render had
      // already read): nothing to patch, and nothing to tell scroll sync or the benchmark.
      if (next !== null && next === this.shown && !this.patcher.pending) return
      mark.rendered = performance.now()
      if (next) this.patch(article, next)
      else {
        article.replaceChildren()
        this.patcher.reset()
        this.header = null
        this.headerKey = ''
      }
      this.shown = next
    } catch (e) {
      // A crashing renderer must not take the editor down: keep the last good preview.
      console.error('Preview render failed', e)
      return
    }
    this.source.shown?.()
    const ended = performance.now()
    const ms = ended - started
    this.lastMs = ms
    this.typicalMs = this.version === 0 ? ms : this.typicalMs * 0.8 + ms * 0.2
    this.slowStreak = ms > SLOW_RENDER_MS ? this.slowStreak + 1 : 0
    this.version++
    document.documentElement.dataset.previewVersion = String(this.version)
    window.dispatchEvent(
      new CustomEvent<PreviewUpdated>('pw:preview-updated', {
        detail: {
          version: this.version,
          ms,
          started,
          renderMs: mark.rendered - started,
          patchMs: ended - mark.rendered,
        },
      }),
    )
    this.hooks.onPatched()
    if (this.pendingJump !== null) this.followFragment(this.pendingJump)
    // Blocks left showing 「レンダリング中…」 (a big paste): the rest after this frame.
    if (this.patcher.pending) {
      this.stale = true
      this.afterPaint()
    }
  }

  /** Replaces the header when its content changed, then patches the changed body blocks. */
  private patch(article: HTMLElement, next: RenderedArticle): void {
    const headerChanged = next.headerKey !== this.headerKey
    if (headerChanged) {
      if (this.header && next.header) article.replaceChild(next.header, this.header)
      else if (next.header) article.prepend(next.header)
      else this.header?.remove()
      this.header = next.header
      this.headerKey = next.headerKey
    }
    this.patcher.patch(article, next.blocks)
    const long = next.blocks.length >= LONG_ARTICLE_BLOCKS || next.sourceChars >= LONG_ARTICLE_CHARS
    article.classList.toggle(LONG_CLASS, long)
    // Blocks that moved into or out of the viewport are laid out (or skipped) in this frame.
    const firstChanged = headerChanged ? 0 : (this.header ? 1 : 0) + this.patcher.firstChanged
    this.window?.patched(firstChanged)
  }

  /**
   * Follows a `#fragment` link the writer activated: jumps to its target, or, while the article
   * still has parts rendering, as soon as the target arrives.
   */
  private followFragment(id: string): void {
    this.pendingJump = null
    if (this.scrollToFragment(id)) {
      // The jump is the writer's, however the link was followed (a screen reader clicks with no
      // pointer or key before it), and counted from when it is done: laying out a long article's
      // window there can take long enough that the pointer's time ran out, and the editor then
      // pulled the preview back.
      this.writerInputAt = performance.now()
    } else if (this.article?.querySelector('.pw-pending')) this.pendingJump = id
  }

  /** Scrolls the preview to the element with this id; false when the article has none. */
  private scrollToFragment(id: string): boolean {
    const doc = this.document
    const target = doc?.getElementById(id) ?? doc?.getElementsByName(id)[0] ?? null
    if (!target || !this.article) return false
    scrollToTarget(target, this.article, this.window)
    return true
  }

  /** Reloads the frame's fixed shell (its `srcdoc`); `attach` runs again when it has loaded. */
  private restoreShell(): void {
    const frame = this.frame
    const shell = frame?.getAttribute('srcdoc')
    // A shell that cannot even load is not retried forever.
    if (!frame || shell === null || shell === undefined || this.restores >= MAX_RESTORES) return
    this.restores++
    this.detach()
    frame.srcdoc = shell
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as Node | null
    const el =
      target && target.nodeType === 1 ? (target as Element) : (target?.parentElement ?? null)
    // Every link form the sanitizer lets through: HTML and SVG <a> (href or xlink:href), <area>.
    const link = el?.closest('a, area') ?? null
    if (!link) return
    // The frame never navigates: the parent decides what a link does (S9).
    e.preventDefault()
    e.stopPropagation()
    const action = classifyLink(link.getAttribute('href') ?? link.getAttributeNS(XLINK, 'href'))
    switch (action.kind) {
      case 'fragment':
        this.followFragment(action.id)
        return
      case 'external':
        this.hooks.openExternal(action.url)
        return
      case 'ignore':
        return
    }
  }
}
