/**
 * Patches the live preview article block by block.
 *
 * Typing changes one block of a post, so instead of re-parsing, re-sanitizing and diffing the whole
 * article on every keystroke, the patcher compares the rendered blocks' HTML strings with the last
 * render, sanitizes only blocks it has not seen, and replaces only the changed nodes in the live
 * document. Blocks are keyed by their HTML with `data-line` made relative to the block's first line,
 * so inserting a line above changes no key below it. The source lines are kept here, not in the
 * DOM ({@link BlockPatcher.lines}): a newline typed in the middle of a long post moves the lines of
 * thousands of blocks, and rewriting their attributes took most of the patch. Every node shown
 * still comes out of the sanitizer; the cache only remembers its output for identical input.
 */
import type { RenderedBlock } from '../../../shared/markdown/types'
import { patchList, planListPatch, type ListItems } from './list-pieces'
import { groupBalanced } from './block-grouping'
import { refill } from './refill'
import { matchMiddle } from './match-middle'
import { stepBudgetMs } from '../shell/step-budget'

/** Sanitizes an HTML string into an inert fragment (e.g. `sanitizePreviewFragment` with DOMPurify). */
export type FragmentSanitizer = (html: string) => DocumentFragment

interface LiveBlock {
  key: string
  /** The block's first source line (0-based). */
  base: number
  nodes: Node[]
  /** For each node, its source line relative to `base` (NaN: none). */
  lines: readonly number[]
}

/** A block sanitized once: its nodes (cloned for each use) and their relative source lines. */
interface Template {
  fragment: DocumentFragment
  lines: readonly number[]
}

export { groupBalanced, openTagBalance } from './block-grouping'

const LINE_ATTR = / data-line="(\d+)"/g
/** The blocks with their keys: the incremental renderer's as they are, others keyed once. */
function keyed(blocks: readonly RenderedBlock[]): ReadonlyArray<{ key: string; line: number }> {
  if (blocks.every(hasKey)) return blocks
  return blocks.map((b) => ({ key: relativeKey(b), line: b.line }))
}

function hasKey(block: RenderedBlock): block is RenderedBlock & { key: string } {
  return block.key !== undefined
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

/** The source line an element carries, NaN when none. */
function lineOf(el: Element): number {
  const raw = el.getAttribute('data-line')
  return raw === null ? NaN : Number(raw)
}

/**
 * Time one patch spends making and putting in new blocks when many arrive at once (a paste, an undo
 * of a large change, a post shown again; ms): sanitizing the blocks never seen, and copying in the
 * ones sanitized before. Blocks past it show 「レンダリング中…」 and follow in the next patch, after the
 * frame is painted, so no frame holds all of them (copying in the 2,000 cached blocks of a 200k post
 * shown again took 20–40 ms). Small, since the article's layout after each patch comes on top.
 * Typing (a few new blocks) and a post's first render go in whole.
 */
export const PATCH_BUDGET_MS = 4
/** New blocks in one patch from which the budget applies (never to typing, nor to a post's first render). */
const BUDGET_FROM_BLOCKS = 20
/** Sanitized blocks the patcher keeps at least (live or not): a few long posts' worth. */
const CACHED_BLOCKS = 6000
/** The key of a block shown as pending: equal to no rendered block, so the next patch replaces it. */
const PENDING_KEY = '\u0000pending'

/** Keeps a live article in step with a list of rendered blocks. */
export class BlockPatcher {
  private live: LiveBlock[] = []
  private article: HTMLElement | null = null
  /**
   * The live elements and their lines, refilled in place when first asked for after a patch (a
   * long post has thousands: new arrays on every keystroke were garbage the next one collected).
   */
  private readonly index = { elements: [] as Element[], lines: [] as number[], stale: true }
  /** Sanitized blocks by relative key (templates, cloned for each use). */
  private cache = new Map<string, Template>()
  /** Blocks sanitized (not reused) by the last patch; for tests and measurements. */
  lastSanitized = 0
  /** Blocks whose nodes were replaced by the last patch. */
  lastReplaced = 0
  /** The last patch left blocks showing 「レンダリング中…」: patch again (after the next frame). */
  pending = false
  /**
   * The index in {@link elements} of the first element the last patch changed: every element
   * before it is the same node at the same place (a big post filling in changes only its end).
   */
  firstChanged = 0

  /**
   * `items`, when given, lets a long list (the table of contents) that an edit changed in a few
   * items be patched item by item in place instead of replaced whole (see list-pieces.ts).
   */
  constructor(
    private readonly sanitize: FragmentSanitizer,
    private readonly items?: ListItems,
    /** The clock the budget is measured with (ms). */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Forgets the live state (the article was emptied or another post opened). */
  reset(): void {
    this.live = []
    this.article = null
    this.index.stale = true
    this.cache.clear()
  }

  /** The article's block elements in source order (the header excluded). */
  elements(): readonly Element[] {
    return this.indexed().elements
  }

  /** The 0-based source line each of {@link elements} starts at (NaN: none). */
  lines(): readonly number[] {
    return this.indexed().lines
  }

  private indexed(): { elements: Element[]; lines: number[] } {
    const index = this.index
    if (!index.stale) return index
    const { elements, lines } = index
    let n = 0
    for (const b of this.live) {
      for (let i = 0; i < b.nodes.length; i++) {
        const node = b.nodes[i]!
        if (node.nodeType !== 1) continue
        elements[n] = node as Element
        lines[n] = b.base + (b.lines[i] ?? NaN)
        n++
      }
    }
    elements.length = n
    lines.length = n
    index.stale = false
    return index
  }

  /** Sanitizes a block and takes its source lines out of its DOM into the template. */
  private template(key: string): Template {
    const fragment = this.sanitize(key)
    const lines = Array.from(fragment.childNodes, (n) =>
      n.nodeType === 1 ? lineOf(n as Element) : NaN,
    )
    for (const el of fragment.querySelectorAll('[data-line]')) el.removeAttribute('data-line')
    return { fragment, lines }
  }

  /**
   * Makes `article`'s children after `prefixNodes` match `blocks`. Returns the number of blocks
   * replaced. `article` must be the same element between calls, else everything is rebuilt.
   */
  patch(article: HTMLElement, blocks: readonly RenderedBlock[]): number {
    if (this.article !== article) {
      this.live.forEach((b) => b.nodes.forEach((n) => n.parentNode?.removeChild(n)))
      this.live = []
      this.article = article
    }
    this.index.stale = true
    const doc = article.ownerDocument
    const next = keyed(groupBalanced(blocks))
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
    // (Live blocks are the patcher's own: kept ones are moved in place, not copied.)
    const result: LiveBlock[] = old.slice(0, prefix)
    let firstChanged = 0
    for (let i = 0; i < prefix; i++) {
      const b = result[i]!
      b.base = next[i]!.line
      for (const n of b.nodes) if (n.nodeType === 1) firstChanged++
    }
    this.firstChanged = firstChanged
    // The changed middle goes before the first node of the kept tail (blocks may render to
    // nothing: skip those).
    let anchor: Node | null = null
    for (let i = old.length - suffix; i < old.length && anchor === null; i++) {
      anchor = old[i]!.nodes[0] ?? null
    }
    const oldEnd = old.length - suffix
    const newEnd = next.length - suffix
    // Which old block each new block of the middle keeps in place (-1: none; see matchMiddle), and
    // which old block it replaces in place (-1: none): between two kept blocks, as many new blocks
    // as old ones replace them one for one (typing, a big post filling in, the headings a paste
    // renumbered), else the old ones go and the new ones go in before the next kept block.
    const keptOld = matchMiddle(old, next, prefix, oldEnd, newEnd, PENDING_KEY)
    const pairedOld = new Int32Array(newEnd - prefix).fill(-1)
    const gapEnd = new Int32Array(newEnd - prefix)
    for (let j = prefix, oi = prefix; j <= newEnd;) {
      // The gap from new block j and old block oi up to the next kept pair (or the tail).
      let nj = j
      while (nj < newEnd && keptOld[nj - prefix]! < 0) nj++
      const nextOld = nj < newEnd ? keptOld[nj - prefix]! : oldEnd
      for (let k = j; k < nj; k++) {
        gapEnd[k - prefix] = nextOld
        if (nj - j === nextOld - oi) pairedOld[k - prefix] = oi + (k - j)
      }
      if (nj >= newEnd) break
      j = nj + 1
      oi = nextOld + 1
    }
    // A long list replaced one for one by the same list with other items (typing in a heading
    // changes one item of the table of contents): its changed items are patched in place.
    const listPlans = Array.from(pairedOld, (oi, j) =>
      oi >= 0 && this.items && old[oi]!.key !== PENDING_KEY
        ? planListPatch(this.items, old[oi]!.nodes, old[oi]!.key, next[prefix + j]!.key)
        : null,
    )
    // A new block starts from the old one's height: far from the viewport a new block is not laid
    // out (content-visibility) and would otherwise count as 3em, so a long block replaced there (the
    // table of contents, when a heading is typed in) shrank the page by thousands of pixels and the
    // scroll position jumped. Only real blocks that change are measured, all before the first change
    // to the DOM: the first read forces a layout of the whole article, and a big post filling in
    // (「レンダリング中…」 runs between blocks already shown) paid one per step.
    const heights = Array.from(pairedOld, (oi, j) =>
      oi >= 0 && old[oi]!.key !== PENDING_KEY && !listPlans[j] ? heightOf(old[oi]!.nodes) : 0,
    )
    // Where a block replacing old block i (or going in before it) goes: before the first node of the
    // old blocks from i on (an old block is removed once its replacement is in place).
    const before = new Array<Node | null>(oldEnd - prefix + 1).fill(anchor)
    for (let i = oldEnd - 1; i >= prefix; i--)
      before[i - prefix] = old[i]!.nodes[0] ?? before[i - prefix + 1]!
    // Insert the new middle: blocks never seen are sanitized, the others copied from the cache, all
    // within the budget when many are new (the rest show as pending).
    let fresh = 0
    for (let j = 0; j < newEnd - prefix; j++) if (keptOld[j]! < 0 && !listPlans[j]) fresh++
    const budgeted = old.length > 0 && fresh >= BUDGET_FROM_BLOCKS
    const started = budgeted ? this.now() : 0
    const budget = stepBudgetMs(PATCH_BUDGET_MS, next.length)
    let made = 0
    let sanitized = 0
    this.pending = false
    let pendingRun = false
    let replaced = 0
    const removed = new Uint8Array(oldEnd - prefix)
    for (let i = prefix; i < newEnd; i++) {
      const b = next[i]!
      const keep = keptOld[i - prefix]!
      if (keep >= 0) {
        old[keep]!.base = b.line
        result.push(old[keep]!)
        removed[keep - prefix] = 2
        pendingRun = false
        continue
      }
      replaced++
      const pair = pairedOld[i - prefix]!
      const plan = listPlans[i - prefix]
      if (plan) {
        patchList(plan, this.items!, doc)
        result.push({ ...old[pair]!, key: b.key, base: b.line })
        removed[pair - prefix] = 2
        pendingRun = false
        continue
      }
      const at = before[(pair >= 0 ? pair : gapEnd[i - prefix]!) - prefix]!
      let template: Template | undefined
      if (!budgeted || made === 0 || this.now() - started <= budget) {
        made++
        template = this.cache.get(b.key)
        // Used again: the most recently used now (the cache drops the least recently used).
        if (template) this.cache.delete(b.key)
        else {
          template = this.template(b.key)
          sanitized++
        }
        this.cache.set(b.key, template)
      }
      let nodes: Node[]
      if (!template) {
        this.pending = true
        // One 「レンダリング中…」 line for a run of blocks past the budget.
        nodes = pendingRun ? [] : [article.insertBefore(pendingNode(doc), at)]
        pendingRun = true
        result.push({ key: PENDING_KEY, base: b.line, nodes, lines: nodes.map(() => NaN) })
      } else if (
        pair >= 0 &&
        refill(old[pair]!.nodes, this.cache.get(old[pair]!.key), template.fragment, doc)
      ) {
        // The same element with other content (typing in a paragraph): filled again in place.
        pendingRun = false
        result.push({ key: b.key, base: b.line, nodes: old[pair]!.nodes, lines: template.lines })
        removed[pair - prefix] = 2
        continue
      } else {
        pendingRun = false
        const copy = doc.importNode(template.fragment, true)
        nodes = Array.from(copy.childNodes)
        const height = heights[i - prefix] ?? 0
        const first = nodes.find((n) => n.nodeType === 1) as HTMLElement | undefined
        if (height > 0 && first?.style) first.style.containIntrinsicSize = `auto ${height}px`
        article.insertBefore(copy, at)
        result.push({ key: b.key, base: b.line, nodes, lines: template.lines })
      }
      // Block for block, the old block goes once its replacement is in place.
      if (pair >= 0) {
        for (const n of old[pair]!.nodes) n.parentNode?.removeChild(n)
        removed[pair - prefix] = 1
      }
    }
    // The old blocks neither kept nor replaced one for one.
    for (let i = prefix; i < oldEnd; i++)
      if (!removed[i - prefix]) for (const n of old[i]!.nodes) n.parentNode?.removeChild(n)
    // Keep the unchanged tail, at its new lines when lines were added or removed above it.
    for (let i = old.length - suffix; i < old.length; i++) {
      old[i]!.base = next[next.length - (old.length - i)]!.line
      result.push(old[i]!)
    }
    this.live = result
    this.lastSanitized = sanitized
    this.lastReplaced = replaced
    // Bound the cache, least recently used first: what is live stays, and enough besides for undo,
    // redo and going back to the last posts shown (a 200k post has about 2,000 blocks; sanitizing
    // them all again made each switch back to it several frames of 60–100 ms).
    const limit = Math.max(CACHED_BLOCKS, this.live.length * 2 + 200)
    if (this.cache.size > limit) {
      const keep = new Set(this.live.map((b) => b.key))
      for (const key of this.cache.keys()) {
        if (this.cache.size <= limit * 0.9) break
        if (!keep.has(key)) this.cache.delete(key)
      }
    }
    return this.lastReplaced
  }
}

/**
 * The content height of a block's first element as laid out (or kept while skipped): what
 * `contain-intrinsic-size` gives a skipped element, padding and border coming on top. 0 when unknown.
 */
function heightOf(nodes: readonly Node[]): number {
  const first = nodes.find((n) => n.nodeType === 1) as HTMLElement | undefined
  if (!first?.clientHeight) return 0
  // Typed OM: computed values need a style pass only (getComputedStyle may force a layout).
  const map = (
    first as HTMLElement & { computedStyleMap?: () => StylePropertyMapReadOnly }
  ).computedStyleMap?.()
  const px = (p: string) => {
    // The preview's elements answer with the frame's own CSSUnitValue (not this window's).
    const v = map?.get(p) as { value?: unknown; unit?: unknown } | undefined
    return typeof v?.value === 'number' && v.unit === 'px' ? v.value : 0
  }
  return Math.max(0, first.clientHeight - px('padding-top') - px('padding-bottom'))
}

function pendingNode(doc: Document): Element {
  const p = doc.createElement('p')
  p.className = 'pw-pending'
  p.setAttribute('aria-busy', 'true')
  p.textContent = 'レンダリング中…'
  return p
}
