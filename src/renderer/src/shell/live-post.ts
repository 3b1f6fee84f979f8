import { EXCERPT_LENGTH, plainTextFromHtml } from '../../../shared/card/excerpt'
import { splitPost, type SplitPost } from '../../../shared/front-matter'
import {
  IncrementalRenderer,
  type IncrementalResult,
  type MarkdownSettings,
} from '../../../shared/markdown'
import { locateFrontMatter } from '../../../shared/metadata/region'
import { stepBudgetMs } from './step-budget'

/**
 * The open post as every view sees it after one keystroke: its text, the front-matter split, the
 * rendered blocks and the HTML, made once and read by the preview, the card, the metadata form
 * and the lint, so none of them can show another version of the post.
 */
export interface LivePost {
  /** Increases with every new value (a keystroke, another post, more of a big post rendered). */
  version: number
  /** Repository-relative path of the post. */
  path: string
  /** The post's asset folder, as images were resolved with. */
  assetDir: string | null
  text: string
  split: SplitPost
  /**
   * The front matter the views show: `split.data`, or while the YAML does not parse, the last
   * valid front matter of this post (so the header and card keep what the writer last had; the
   * form shows the error).
   */
  frontMatter: Record<string, unknown>
  /** The text up to the end of the front matter ('' without one): what the form and its lint read. */
  frontMatterText: string
  /** The body rendered (blocks unsanitized; `complete` false while parts show 「レンダリング中…」). */
  rendered: IncrementalResult
  /**
   * The body's HTML for reading its text (the card's excerpt of 1000 characters): the first blocks
   * joined, up to {@link READING_HTML_CHARS} characters, with `data-line` values not meaningful.
   * Built on first read.
   */
  readonly readingHtml: string
}

/** Where the live post's inputs come from. */
export interface LivePostSource {
  /** The post shown in the editor, or null. */
  path(): string | null
  /** The editor's text of a post. */
  text(path: string): string
  /** The first `chars` characters of a post's text (all of it when shorter), built without the rest. */
  textStart(path: string, chars: number): string
  /** An object that stays the same while the text does (null: unknown, read the text). */
  textIdentity(path: string): object | null
  /** The repository's kramdown options (undefined: the blog's defaults). */
  markdown?(): MarkdownSettings | undefined
  /** How images of the shown post resolve; null while unknown (the app is starting). */
  images(path: string): LivePostImages | null
}

/** How the live post's images resolve. */
export interface LivePostImages {
  /** The post's asset folder. */
  assetDir: string | null
  /** Changes whenever `resolve` would answer differently (the render starts afresh). */
  key: string
  /** An image src written in the post → a URL for the preview, or null when refused. */
  resolve(src: string): string | null
}

/** How much of a post is looked at for its front matter (far more than any usual one). */
const HEAD_CHARS = 64 * 1024

/** The text up to the end of its front matter ('' when it has none); never the whole of a big post. */
export function frontMatterHead(text: string): string {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text
  const region = locateFrontMatter(head)
  if (!region) return ''
  return region.closed ? head.slice(0, region.end) : head
}

/** The first read of a post's start for its front matter: enough for almost every one. */
const SHORT_HEAD_CHARS = 4 * 1024

/**
 * {@link frontMatterHead} of a text of which `start(n)` gives the first `n` characters, reading
 * 4 KB when that settles it. The form reads the front matter in each keystroke's task: building
 * the whole string of a 200k post there (then again for the render) was half a megabyte a key.
 */
export function frontMatterHeadFrom(start: (chars: number) => string): string {
  const short = start(SHORT_HEAD_CHARS)
  if (short.length < SHORT_HEAD_CHARS) return frontMatterHead(short)
  const region = locateFrontMatter(short)
  // Settled inside the short start: a closing fence line ended by its newline, or a whole first line
  // that opens none. Anything else (the fence line cut off, a longer front matter) reads more.
  if (region?.closed && short.charCodeAt(region.end - 1) === 10) return short.slice(0, region.end)
  if (!region && short.includes('\n')) return ''
  return frontMatterHead(start(HEAD_CHARS))
}

/** The most HTML joined for {@link LivePost.readingHtml}: far more than a 1000-character excerpt needs. */
export const READING_HTML_CHARS = 256 * 1024

/** The first try at {@link LivePost.readingHtml}: enough for the excerpt of almost every post. */
const READING_HTML_FIRST_CHARS = 16 * 1024

/** The first blocks' HTML (line-relative keys), up to `limit` characters (whole blocks). */
function joinLeading(rendered: IncrementalResult, limit: number): string {
  const parts: string[] = []
  let size = 0
  for (const b of rendered.blocks) {
    if (size >= limit) break
    const html = b.key ?? b.html
    parts.push(html)
    size += html.length
  }
  return parts.join('')
}

/**
 * The first blocks' HTML, up to {@link READING_HTML_CHARS}: the first 16 KB when its plain text
 * already runs past the excerpt (the excerpt of more HTML would be the same), else all of it.
 * Joining 256 KB of a long post's HTML on every keystroke took 1–3 ms of the keystroke's task.
 */
function leadingHtml(rendered: IncrementalResult): string {
  const first = joinLeading(rendered, READING_HTML_FIRST_CHARS)
  if (first.length < READING_HTML_FIRST_CHARS) return first
  // Typing past the excerpt's start leaves it as it was: the answer is remembered (and the card's
  // excerpt, read next from the same HTML, is the same answer).
  if (plainTextFromHtml(first, EXCERPT_LENGTH).truncated) return first
  return joinLeading(rendered, READING_HTML_CHARS)
}

/**
 * Time a read spends on parts of the post no edit touched (ms); the rest follows in later tasks.
 * Each such task is one frame of a big post filling in, with the preview's patch and the article's
 * layout after it: at 12 ms, switching to a 200k post made frames of 100–150 ms on two cores.
 * A big article's steps get more (see `stepBudgetMs`).
 */
const PART_BUDGET_MS = 6
/**
 * How far into a post's body the preview renders by itself (characters): beyond, only what the
 * writer edits renders, so a 10 MB post never fills the preview's DOM (RELIABILITY D10).
 */
const REACH_CHARS = 1_000_000
/** How many posts' renderers are kept for going back to them (the open one included). */
const RECENT_RENDERERS = 3

/** A post's incremental renderer, with the size of its body and article at its last render. */
interface KeptRenderer {
  renderer: IncrementalRenderer
  chars: number
  blocks: number
}
/** What the preview shows for parts of a big post not rendered yet. */
const PENDING_HTML = '<p class="pw-pending" aria-busy="true">レンダリング中…</p>\n'

/**
 * Owns the {@link LivePost}: marked stale on every keystroke, computed once when first read (by
 * the preview's render, or any view), then handed to subscribers. Big posts render in budgeted
 * steps: a read shows what is ready and the model continues in later tasks.
 *
 * Two channels: the live value (`subscribe`/`getSnapshot`: the editor's side, e.g. the metadata
 * form) and the shown value (`subscribeShown`/`getShown`: the value the article preview shows,
 * for views that must never disagree with it, i.e. the feed card). While a preview presents, the
 * shown value changes only in the task that patches the article, so both are painted in one frame
 * even when the preview renders after the keystroke's frame or waits for a pause; without one, the
 * shown value is the live value.
 */
export class LivePostModel {
  private value: LivePost | null = null
  private stale = true
  private version = 0
  /** The renderer of the shown post (one of {@link recent}), and the key it was made for. */
  private renderer: KeptRenderer | null = null
  private rendererKey = ''
  /**
   * The renderers of the posts shown last, by key, least recently used first: going back to one
   * renders nothing again (cutting a 200k post anew took 40 ms of the switch's first frame).
   */
  private readonly recent = new Map<string, KeptRenderer>()
  private readonly lastGood = new Map<string, Record<string, unknown>>()
  private identity: object | null = null
  private readonly listeners = new Set<() => void>()
  private notifyQueued = false
  private continueQueued = false
  /** A preview is bound and reports what it shows through {@link present}. */
  private presenting = false
  private presented: LivePost | null = null
  private readonly shownListeners = new Set<() => void>()
  /** The last front-matter text read without a render, and the text it came from. */
  private head: { path: string; identity: object | null; text: string } | null = null

  constructor(private readonly source: LivePostSource) {}

  /** The text (or the shown post) changed: the next read computes a new value. */
  invalidate(): void {
    this.stale = true
    this.queueNotify()
  }

  /** Subscribes to new values (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The live post now (computed if stale); null when no post is shown. */
  readonly getSnapshot = (): LivePost | null => this.read()

  /** The last computed value, without computing (hidden views catch up when shown). */
  readonly peek = (): LivePost | null => this.value

  /** Subscribes to the value the article shows (for `useSyncExternalStore`). */
  readonly subscribeShown = (listener: () => void): (() => void) => {
    this.shownListeners.add(listener)
    return () => this.shownListeners.delete(listener)
  }

  /** The value the article shows now (the live value, computed if stale, when no preview is bound). */
  readonly getShown = (): LivePost | null => (this.presenting ? this.presented : this.read())

  /** The value the article shows, without computing (hidden views catch up when shown). */
  readonly peekShown = (): LivePost | null => (this.presenting ? this.presented : this.value)

  /**
   * A preview was bound to (true) or unbound from (false) its frame. Bound, it must
   * {@link present} what it renders; unbound, the shown value follows the live one.
   */
  setPresenting(presenting: boolean): void {
    if (this.presenting === presenting) return
    this.presenting = presenting
    this.presented = null
    this.notify(this.shownListeners)
  }

  /** The preview now shows `value` (called in the task that patched the article). */
  present(value: LivePost | null): void {
    if (!this.presenting || value === this.presented) return
    this.presented = value
    this.notify(this.shownListeners)
  }

  /**
   * The live post's front-matter text ({@link LivePost.frontMatterText}) without rendering its body
   * when the text changed: the metadata form reads it in the keystroke's task, and the body of a
   * big change renders after that frame is painted.
   */
  frontMatterText(): string {
    if (!this.stale) return this.value?.frontMatterText ?? ''
    const path = this.source.path()
    if (path === null) return ''
    const identity = this.source.textIdentity(path)
    const head = this.head
    if (head && head.path === path && identity !== null && head.identity === identity)
      return head.text
    const text = frontMatterHeadFrom((chars) => this.source.textStart(path, chars))
    this.head = { path, identity, text }
    return text
  }

  /** The live post now, computed if the text changed since the last read. */
  read(): LivePost | null {
    if (!this.stale) return this.value
    this.stale = false
    const path = this.source.path()
    const images = path === null ? null : this.source.images(path)
    if (path === null || images === null) {
      this.value = null
      this.renderer = null
      return null
    }
    const markdown = this.source.markdown?.()
    const key = `${path}\u0000${images.key}\u0000${JSON.stringify(markdown ?? null)}`
    const last = this.value
    const same = last !== null && last.path === path && key === this.rendererKey
    // The same document object: the text is unchanged, and a big post's string is not rebuilt.
    const identity = this.source.textIdentity(path)
    const unchanged = same && identity !== null && identity === this.identity
    this.identity = identity
    const text = unchanged ? last.text : this.source.text(path)
    // Nothing the views show changed (a save, a status): keep the value and its version.
    if (same && last.rendered.complete && (unchanged || last.text === text)) return last
    const started = performance.now()
    if (!this.renderer || key !== this.rendererKey) {
      this.renderer = this.rendererFor(
        key,
        () => new IncrementalRenderer({ resolveImage: (src) => images.resolve(src), markdown }),
      )
      this.rendererKey = key
    }
    const split = splitPost(text)
    const kept = this.renderer
    kept.chars = split.body.length
    if (split.error === null) this.lastGood.set(path, split.data)
    const frontMatter = split.error ? (this.lastGood.get(path) ?? split.data) : split.data
    // The step grows with this post's article (as the preview's patch does), not the last post's.
    const rendered = kept.renderer.render(split.body, split.bodyLine, {
      budgetMs: stepBudgetMs(PART_BUDGET_MS, kept.blocks),
      pendingHtml: PENDING_HTML,
      reachChars: REACH_CHARS,
    })
    kept.blocks = rendered.blocks.length
    let reading: string | null = null
    this.value = {
      version: ++this.version,
      path,
      assetDir: images.assetDir,
      text,
      split,
      frontMatter,
      frontMatterText: frontMatterHead(text),
      rendered,
      get readingHtml() {
        return (reading ??= leadingHtml(rendered))
      },
    }
    if (!rendered.complete) this.queueContinue()
    // A user-timing entry: what the live post costs a keystroke (the benchmark reads them).
    performance.clearMeasures('pw:live-post')
    performance.measure('pw:live-post', { start: started, end: performance.now() })
    return this.value
  }

  /** The renderer kept for `key`, or a new one; the most recently used now. */
  private rendererFor(key: string, make: () => IncrementalRenderer): KeptRenderer {
    const kept = this.recent.get(key)
    this.recent.delete(key)
    const entry = kept ?? { renderer: make(), chars: 0, blocks: 0 }
    this.recent.set(key, entry)
    // A few posts, none beyond the preview's reach (a 10 MB post's pieces are not kept for later).
    for (const [k, e] of this.recent)
      if (k !== key && (this.recent.size > RECENT_RENDERERS || e.chars > REACH_CHARS))
        this.recent.delete(k)
    return entry
  }

  /** Renders more of a big post in a later task (typing and painting go first). */
  private queueContinue(): void {
    if (this.continueQueued) return
    this.continueQueued = true
    setTimeout(() => {
      this.continueQueued = false
      if (this.value?.rendered.complete !== false) return
      this.invalidate()
    }, 0)
  }

  private queueNotify(): void {
    if (this.notifyQueued) return
    this.notifyQueued = true
    queueMicrotask(() => {
      this.notifyQueued = false
      this.notify(this.listeners)
      if (!this.presenting) this.notify(this.shownListeners)
    })
  }

  private notify(listeners: ReadonlySet<() => void>): void {
    for (const listener of listeners) {
      try {
        listener()
      } catch (e) {
        // A failing view must never break the others.
        console.error('Live post listener failed', e)
      }
    }
  }
}
