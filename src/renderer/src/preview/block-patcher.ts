/**
 * Patches the live preview article block by block.
 *
 * Typing changes one block of a post, so instead of re-parsing, re-sanitizing and diffing the whole
 * article on every keystroke, the patcher compares the rendered blocks' HTML strings with the last
 * render, sanitizes only blocks it has not seen, and replaces only the changed nodes in the live
 * document. Blocks are keyed by their HTML with `data-line` made relative to the block's first line,
 * so inserting a line above only renumbers what follows. Every node shown still comes out of the
 * sanitizer; the cache only remembers its output for identical input.
 */
import type { RenderedBlock } from '../../../shared/markdown/types'

/** Sanitizes an HTML string into an inert fragment (e.g. `sanitizePreviewFragment` with DOMPurify). */
export type FragmentSanitizer = (html: string) => DocumentFragment

interface LiveBlock {
  key: string
  base: number
  nodes: Node[]
}

const LINE_ATTR = / data-line="(\d+)"/g
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g

/** Net open elements in an HTML snippet (raw HTML blocks may open a tag that a later block closes). */
export function openTagBalance(html: string): number {
  if (!html.includes('<')) return 0
  let depth = 0
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase()
    if (VOID.has(name) || m[3] === '/') continue
    depth += m[1] === '/' ? -1 : 1
  }
  return depth
}

/** Memo of {@link openTagBalance}: a keystroke changes one block, the others are looked up. */
const balanceMemo = new Map<string, number>()
function balanceOf(html: string): number {
  let b = balanceMemo.get(html)
  if (b === undefined) {
    if (balanceMemo.size > 5000) balanceMemo.clear()
    b = openTagBalance(html)
    balanceMemo.set(html, b)
  }
  return b
}

/** Merges runs of blocks whose tags do not balance, so each group parses as it would in context. */
export function groupBalanced(blocks: readonly RenderedBlock[]): RenderedBlock[] {
  const out: RenderedBlock[] = []
  let pending: RenderedBlock | null = null
  let depth = 0
  for (const block of blocks) {
    if (pending) {
      pending = { html: pending.html + block.html, line: pending.line }
      depth += balanceOf(block.key ?? block.html)
      if (depth <= 0) {
        out.push(pending)
        pending = null
        depth = 0
      }
      continue
    }
    const balance = balanceOf(block.key ?? block.html)
    if (balance > 0) {
      pending = { html: block.html, line: block.line }
      depth = balance
    } else out.push(block)
  }
  if (pending) out.push(pending)
  return out
}

/** Memo of {@link relativeKey} by HTML: unchanged blocks on unchanged lines cost a lookup. */
const keyMemo = new Map<string, { line: number; key: string }>()

/** The block's HTML with its `data-line` values relative to its first line: the cache key. */
export function relativeKey(block: RenderedBlock): string {
  if (block.key !== undefined) return block.key
  const memo = keyMemo.get(block.html)
  if (memo && memo.line === block.line) return memo.key
  const key = block.html.replace(
    LINE_ATTR,
    (_m, n: string) => ` data-line="${Number(n) - block.line}"`,
  )
  if (keyMemo.size > 5000) keyMemo.clear()
  keyMemo.set(block.html, { line: block.line, key })
  return key
}

function shiftLines(nodes: readonly Node[], delta: number): void {
  if (delta === 0) return
  for (const node of nodes) {
    if (node.nodeType !== 1) continue
    const el = node as Element
    const all = el.hasAttribute('data-line')
      ? [el, ...el.querySelectorAll('[data-line]')]
      : el.querySelectorAll('[data-line]')
    for (const target of all) {
      const v = Number(target.getAttribute('data-line'))
      if (Number.isFinite(v)) target.setAttribute('data-line', String(v + delta))
    }
  }
}

/**
 * From this many blocks on, the article's blocks live in chunks of {@link CHUNK_BLOCKS} (`div`s
 * that contain their layout, see preview-css.ts): a 200k-character post has thousands of blocks,
 * and with each of them a direct child of the article, replacing one block re-laid out the
 * article's whole child list (with per-block `content-visibility`, the browser also checked every
 * block's visibility each frame: 11 ms of the keystroke's frame at 200k characters; in chunks 4 ms).
 */
export const CHUNK_FROM_BLOCKS = 300
/** Below this many blocks a chunked article goes back to plain children (no flapping at the edge). */
const UNCHUNK_BELOW_BLOCKS = 250
/** Blocks per chunk when chunks are made; a chunk grown to twice this (a paste) is split. */
export const CHUNK_BLOCKS = 32
export const CHUNK_CLASS = 'pw-chunk'
/**
 * Time one patch spends sanitizing new blocks when many arrive at once (a paste, an undo of a large
 * change; ms). Blocks past it show 「レンダリング中…」 and follow in the next patch, after the frame is
 * painted, so a 10k-character paste never holds one frame for all of its blocks. Typing (a few new
 * blocks) and a post's first render are always sanitized whole.
 */
export const SANITIZE_BUDGET_MS = 8
/** New blocks in one patch from which the budget applies (never to typing, nor to a post's first render). */
const BUDGET_FROM_BLOCKS = 20
/** The key of a block shown as pending: equal to no rendered block, so the next patch replaces it. */
const PENDING_KEY = '\u0000pending'

/** Keeps a live article in step with a list of rendered blocks. */
export class BlockPatcher {
  private live: LiveBlock[] = []
  private article: HTMLElement | null = null
  private chunked = false
  private elementsCache: Element[] | null = null
  private readonly margins = new ChunkMargins()
  /** Sanitized fragments by relative key (templates, cloned for each use). */
  private cache = new Map<string, DocumentFragment>()
  /** Blocks sanitized (not reused) by the last patch; for tests and measurements. */
  lastSanitized = 0
  /** Blocks whose nodes were replaced by the last patch. */
  lastReplaced = 0
  /** The last patch left blocks showing 「レンダリング中…」: patch again (after the next frame). */
  pending = false

  constructor(private readonly sanitize: FragmentSanitizer) {}

  /** Forgets the live state (the article was emptied or another post opened). */
  reset(): void {
    this.live = []
    this.article = null
    this.chunked = false
    this.elementsCache = null
    this.cache.clear()
  }

  /** Whether the blocks live in chunks (a long article). */
  get isChunked(): boolean {
    return this.chunked
  }

  /** The article's block elements in source order (inside chunks or not; the header excluded). */
  elements(): readonly Element[] {
    if (this.elementsCache) return this.elementsCache
    const out: Element[] = []
    for (const b of this.live) for (const n of b.nodes) if (n.nodeType === 1) out.push(n as Element)
    this.elementsCache = out
    return out
  }

  /**
   * Makes `article`'s children after `prefixNodes` match `blocks`. Returns the number of blocks
   * replaced. `article` must be the same element between calls, else everything is rebuilt.
   */
  patch(article: HTMLElement, blocks: readonly RenderedBlock[]): number {
    if (this.article !== article) {
      this.live.forEach((b) => b.nodes.forEach((n) => n.parentNode?.removeChild(n)))
      for (const c of Array.from(article.querySelectorAll(`:scope > .${CHUNK_CLASS}`))) c.remove()
      this.live = []
      this.chunked = false
      this.article = article
    }
    this.elementsCache = null
    const doc = article.ownerDocument
    const next = groupBalanced(blocks).map((b) => ({ key: relativeKey(b), base: b.line }))
    const chunk = this.chunked
      ? next.length >= UNCHUNK_BELOW_BLOCKS
      : next.length >= CHUNK_FROM_BLOCKS
    if (chunk !== this.chunked) this.rechunk(article, chunk)
    /** Chunks whose children this patch changes (emptied ones are removed, big ones split). */
    const touched = new Set<Element>()
    const old = this.live
    let prefix = 0
    const maxPrefix = Math.min(old.length, next.length)
    while (prefix < maxPrefix && old[prefix]!.key === next[prefix]!.key) prefix++
    let suffix = 0
    const maxSuffix = Math.min(old.length, next.length) - prefix
    while (
      suffix < maxSuffix &&
      old[old.length - 1 - suffix]!.key === next[next.length - 1 - suffix]!.key
    )
      suffix++

    // Blocks before the change keep their nodes; an edit in the front matter moves their lines.
    const result: LiveBlock[] = old.slice(0, prefix).map((kept, i) => {
      const base = next[i]!.base
      shiftLines(kept.nodes, base - kept.base)
      return { key: kept.key, base, nodes: kept.nodes }
    })
    // Remove the changed middle of the old list.
    // Insert before the first node of the kept tail (blocks may render to nothing: skip those).
    let anchor: Node | null = null
    for (let i = old.length - suffix; i < old.length && anchor === null; i++) {
      anchor = old[i]!.nodes[0] ?? null
    }
    for (let i = prefix; i < old.length - suffix; i++) {
      for (const n of old[i]!.nodes) {
        const parent = n.parentNode
        if (!parent) continue
        if (this.chunked && parent !== article) touched.add(parent as Element)
        parent.removeChild(n)
      }
    }
    // Where the new middle goes: before the kept tail, or at the end (of the last chunk).
    const container: Node = anchor?.parentNode ?? (this.chunked ? lastChunk(article) : article)
    if (this.chunked && container !== article) touched.add(container as Element)
    // Insert the new middle.
    let sanitized = 0
    const missing = next.slice(prefix, next.length - suffix).filter((b) => !this.cache.has(b.key))
    const started = performance.now()
    const budgeted = old.length > 0 && missing.length >= BUDGET_FROM_BLOCKS
    for (const b of missing) {
      if (budgeted && sanitized > 0 && performance.now() - started > SANITIZE_BUDGET_MS) break
      this.cache.set(b.key, this.sanitize(b.key))
      sanitized++
    }
    this.pending = sanitized < missing.length
    let pendingRun = false
    for (let i = prefix; i < next.length - suffix; i++) {
      const b = next[i]!
      const template = this.cache.get(b.key)
      if (!template) {
        // One 「レンダリング中…」 line for a run of blocks not sanitized yet.
        const nodes = pendingRun ? [] : [container.insertBefore(pendingNode(doc), anchor)]
        pendingRun = true
        result.push({ key: PENDING_KEY, base: b.base, nodes })
        continue
      }
      pendingRun = false
      const copy = doc.importNode(template, true)
      const nodes = Array.from(copy.childNodes)
      shiftLines(nodes, b.base)
      container.insertBefore(copy, anchor)
      result.push({ key: b.key, base: b.base, nodes })
    }
    // Keep the unchanged tail, renumbering it when lines were added or removed above it.
    for (let i = old.length - suffix; i < old.length; i++) {
      const kept = old[i]!
      const target = next[next.length - (old.length - i)]!
      shiftLines(kept.nodes, target.base - kept.base)
      result.push({ key: kept.key, base: target.base, nodes: kept.nodes })
    }
    this.live = result
    if (this.chunked) {
      for (const c of touched) normalizeChunk(c)
      this.margins.update(article)
    }
    this.lastSanitized = sanitized
    this.lastReplaced = next.length - suffix - prefix
    // Bound the cache: keep what is live plus a little history for undo/redo.
    if (this.cache.size > this.live.length * 2 + 200) {
      const keep = new Set(this.live.map((b) => b.key))
      for (const key of this.cache.keys()) {
        if (this.cache.size <= this.live.length + 100) break
        if (!keep.has(key)) this.cache.delete(key)
      }
    }
    return this.lastReplaced
  }

  /** Moves the live nodes into chunks, or back out of them into the article. */
  private rechunk(article: HTMLElement, chunk: boolean): void {
    const nodes = this.live.flatMap((b) => b.nodes)
    for (const c of Array.from(article.querySelectorAll(`:scope > .${CHUNK_CLASS}`))) c.remove()
    this.chunked = chunk
    if (!chunk) {
      article.append(...nodes)
      return
    }
    const doc = article.ownerDocument
    const chunks = doc.createDocumentFragment()
    let current: Element | null = null
    let count = 0
    for (const n of nodes) {
      if (!current || (n.nodeType === 1 && count === CHUNK_BLOCKS)) {
        current = chunks.appendChild(newChunk(doc))
        count = 0
      }
      if (n.nodeType === 1) count++
      current.appendChild(n)
    }
    article.append(chunks)
  }
}

function pendingNode(doc: Document): Element {
  const p = doc.createElement('p')
  p.className = 'pw-pending'
  p.setAttribute('aria-busy', 'true')
  p.textContent = 'レンダリング中…'
  return p
}

function newChunk(doc: Document): Element {
  const c = doc.createElement('div')
  c.className = CHUNK_CLASS
  return c
}

function lastChunk(article: HTMLElement): Element {
  const last = article.lastElementChild
  if (last?.classList.contains(CHUNK_CLASS)) return last
  return article.appendChild(newChunk(article.ownerDocument))
}

/** Removes an emptied chunk; splits one grown past twice {@link CHUNK_BLOCKS} (a paste). */
function normalizeChunk(chunk: Element): void {
  if (!chunk.parentNode) return
  if (!chunk.firstChild) {
    chunk.remove()
    return
  }
  if (chunk.childElementCount <= CHUNK_BLOCKS * 2) return
  const doc = chunk.ownerDocument
  let current: Element = chunk
  let count = 0
  for (const n of Array.from(chunk.childNodes)) {
    if (n.nodeType === 1) {
      if (count === CHUNK_BLOCKS) {
        const next = newChunk(doc)
        current.after(next)
        current = next
        count = 0
      }
      count++
    }
    if (current !== chunk) current.appendChild(n)
  }
}

/** Margins of one edge of an element and of the descendants whose margins collapse through it. */
type MarginChain = readonly number[]

/** The collapsed value of adjoining margins (CSS 2 §8.3.1): the largest positive plus the most negative. */
function collapse(margins: MarginChain): number {
  let pos = 0
  let neg = 0
  for (const m of margins) {
    if (m > pos) pos = m
    if (m < neg) neg = m
  }
  return pos + neg
}

const BLOCK_DISPLAY = new Set(['block', 'list-item'])

/**
 * Keeps chunked blocks spaced exactly as plain children would be. A chunk contains its layout
 * (`contain: layout`), so the margins at its edges no longer collapse with the blocks of
 * the neighbouring chunk: a paragraph's bottom margin and the next heading's top margin would add up
 * instead of the larger one winning. Each chunk gets a negative top margin that takes back the
 * difference, computed from the blocks' computed margins (lengths, no layout), cached per element
 * (a changed block is a new element).
 */
class ChunkMargins {
  private readonly chains = new WeakMap<Element, { top?: MarginChain; bottom?: MarginChain }>()
  private readonly applied = new WeakMap<Element, number>()

  /** Reads every edge first, then writes: a write between two reads would force a new style pass. */
  update(article: HTMLElement): void {
    const writes: Array<[HTMLElement, number]> = []
    for (let c = article.firstElementChild; c; c = c.nextElementSibling) {
      if (!c.classList.contains(CHUNK_CLASS)) continue
      const first = c.firstElementChild
      const prev = c.previousElementSibling
      const before = !prev
        ? null
        : prev.classList.contains(CHUNK_CLASS)
          ? prev.lastElementChild
          : prev
      let shift = 0
      if (first && before) {
        const a = this.chain(before, 'bottom')
        const b = this.chain(first, 'top')
        shift = collapse([...a, ...b]) - collapse(a) - collapse(b)
      }
      if ((this.applied.get(c) ?? 0) !== shift) writes.push([c as HTMLElement, shift])
    }
    for (const [c, shift] of writes) {
      this.applied.set(c, shift)
      c.style.marginTop = shift === 0 ? '' : `${shift}px`
    }
  }

  private chain(el: Element, side: 'top' | 'bottom'): MarginChain {
    let entry = this.chains.get(el)
    if (!entry) this.chains.set(el, (entry = {}))
    const known = entry[side]
    if (known) return known
    const out: number[] = []
    let cur: Element | null = el
    while (cur) {
      const s = computedOf(cur)
      if (!s) break
      out.push(s.px(`margin-${side}`))
      const through =
        BLOCK_DISPLAY.has(s.keyword('display')) &&
        s.keyword('float') === 'none' &&
        (s.keyword('position') === 'static' || s.keyword('position') === 'relative') &&
        s.keyword('overflow-y') === 'visible' &&
        s.px(`padding-${side}`) === 0 &&
        // Typed OM answers the specified width even where the border style is none.
        (['none', 'hidden'].includes(s.keyword(`border-${side}-style`)) ||
          s.px(`border-${side}-width`) === 0)
      cur = through ? edgeChild(cur, side) : null
    }
    entry[side] = out
    return out
  }
}

/** Computed values of an element: lengths in px and keywords. */
interface Computed {
  px(property: string): number
  keyword(property: string): string
}

/**
 * An element's computed values. Chromium's typed `computedStyleMap()` gives computed values, which
 * need a style pass only; `getComputedStyle` answers margins with used values and forced a layout
 * of the whole article per read (half a second for a paste into a 200k post). jsdom has only the
 * latter.
 */
function computedOf(el: Element): Computed | null {
  const typed = (el as Element & { computedStyleMap?: () => StylePropertyMapReadOnly })
    .computedStyleMap
  if (typed) {
    const map = typed.call(el)
    return {
      px: (p) => {
        // The preview's elements answer with the frame's own CSSUnitValue (not this window's).
        const v = map.get(p) as { value?: unknown; unit?: unknown } | undefined
        return typeof v?.value === 'number' && v.unit === 'px' ? v.value : 0
      },
      keyword: (p) => String(map.get(p) ?? ''),
    }
  }
  const view = el.ownerDocument.defaultView
  if (!view) return null
  const s = view.getComputedStyle(el)
  return {
    px: (p) => parseFloat(s.getPropertyValue(p)) || 0,
    keyword: (p) => s.getPropertyValue(p),
  }
}

/** The block-level child at an edge whose margin adjoins its parent's, or null (text comes first). */
function edgeChild(el: Element, side: 'top' | 'bottom'): Element | null {
  const kids = el.childNodes
  for (let i = 0; i < kids.length; i++) {
    const n = kids[side === 'top' ? i : kids.length - 1 - i]!
    if (n.nodeType === 8) continue
    if (n.nodeType === 3) {
      if ((n.textContent ?? '').trim() === '') continue
      return null
    }
    if (n.nodeType !== 1) continue
    const display = computedOf(n as Element)?.keyword('display') ?? ''
    if (display === 'none') continue
    return display.startsWith('inline') ? null : (n as Element)
  }
  return null
}
