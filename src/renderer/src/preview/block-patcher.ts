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

/** Keeps a live article in step with a list of rendered blocks. */
export class BlockPatcher {
  private live: LiveBlock[] = []
  private article: HTMLElement | null = null
  /** Sanitized fragments by relative key (templates, cloned for each use). */
  private cache = new Map<string, DocumentFragment>()
  /** Blocks sanitized (not reused) by the last patch; for tests and measurements. */
  lastSanitized = 0
  /** Blocks whose nodes were replaced by the last patch. */
  lastReplaced = 0

  constructor(private readonly sanitize: FragmentSanitizer) {}

  /** Forgets the live state (the article was emptied or another post opened). */
  reset(): void {
    this.live = []
    this.article = null
    this.cache.clear()
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
    const doc = article.ownerDocument
    const next = groupBalanced(blocks).map((b) => ({ key: relativeKey(b), base: b.line }))
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
      for (const n of old[i]!.nodes) n.parentNode?.removeChild(n)
    }
    // Insert the new middle.
    let sanitized = 0
    const missing = next.slice(prefix, next.length - suffix).filter((b) => !this.cache.has(b.key))
    if (missing.length > 0) {
      sanitized = missing.length
      for (const b of missing) this.cache.set(b.key, this.sanitize(b.key))
    }
    for (let i = prefix; i < next.length - suffix; i++) {
      const b = next[i]!
      const copy = doc.importNode(this.cache.get(b.key)!, true)
      const nodes = Array.from(copy.childNodes)
      shiftLines(nodes, b.base)
      article.insertBefore(copy, anchor)
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
}
