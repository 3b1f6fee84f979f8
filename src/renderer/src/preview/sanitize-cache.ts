/**
 * Block-wise sanitizing with reuse: a keystroke changes one block of a post, so only the blocks whose
 * HTML changed since the last render go through DOMPurify again. Every node shown still comes out of
 * the sanitizer; the cache only remembers its output for identical input.
 */

/** Sanitizes an HTML string into an inert fragment (e.g. `sanitizePreviewFragment` with DOMPurify). */
export type FragmentSanitizer = (html: string) => DocumentFragment

const LINE = 'data-line'
const CHUNK = 'data-pw-chunk'

/** Rewrites `data-line` values in a subtree by `delta` (for relative keys and for reuse). */
function shiftLines(root: Element | DocumentFragment, delta: number): void {
  if (delta === 0) return
  const all: Element[] = root.nodeType === 1 ? [root as Element] : []
  all.push(...Array.from(root.querySelectorAll(`[${LINE}]`)))
  for (const el of all) {
    const v = el.getAttribute(LINE)
    if (v === null || !/^-?\d+$/.test(v)) continue
    el.setAttribute(LINE, String(Number(v) + delta))
  }
}

/** Caches sanitized blocks between renders of the same post. */
export class SanitizeCache {
  private cache = new Map<string, DocumentFragment>()
  /** Blocks sanitized (not reused) by the last call; for tests and measurements. */
  lastMisses = 0

  constructor(private readonly sanitize: FragmentSanitizer) {}

  /** Forgets everything (another post was opened). */
  clear(): void {
    this.cache.clear()
  }

  /** Sanitizes rendered HTML into a fresh inert element whose children are the article's blocks. */
  run(html: string): HTMLElement {
    const doc = document.implementation.createHTMLDocument('')
    // Parsed in an inert document: nothing loads or runs here.
    const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html')
    const holder = doc.createElement('article')
    const blocks: Array<{ key: string; base: number }> = []
    for (const node of Array.from(parsed.body.childNodes)) {
      if (node.nodeType === 3) {
        const text = node.textContent ?? ''
        if (text.trim() !== '') blocks.push({ key: `#text${text}`, base: 0 })
        continue
      }
      if (node.nodeType !== 1) continue
      const el = node as Element
      const line = el.getAttribute(LINE)
      const base = line !== null && /^\d+$/.test(line) ? Number(line) : 0
      shiftLines(el, -base)
      blocks.push({ key: el.outerHTML, base })
    }

    const misses = [
      ...new Set(
        blocks
          .filter((b) => !b.key.startsWith('#text') && !this.cache.has(b.key))
          .map((b) => b.key),
      ),
    ]
    this.lastMisses = misses.length
    const fresh = new Map<string, DocumentFragment>()
    if (misses.length > 0 && !this.sanitizeBatch(misses, fresh)) {
      // The batch did not come back one chunk per block: sanitize the whole thing without reuse.
      this.cache.clear()
      holder.append(doc.importNode(this.sanitize(html), true))
      return holder
    }

    const next = new Map<string, DocumentFragment>()
    for (const block of blocks) {
      if (block.key.startsWith('#text')) {
        holder.append(doc.createTextNode(block.key.slice(5)))
        continue
      }
      const cached = fresh.get(block.key) ?? this.cache.get(block.key)!
      next.set(block.key, cached)
      const copy = doc.importNode(cached, true)
      for (const child of Array.from(copy.children)) shiftLines(child, block.base)
      holder.append(copy)
    }
    this.cache = next
    return holder
  }

  /** Sanitizes the missing blocks in one call, each wrapped in a numbered chunk. */
  private sanitizeBatch(keys: string[], into: Map<string, DocumentFragment>): boolean {
    const html = keys.map((k, i) => `<div ${CHUNK}="${i}">${k}</div>`).join('')
    const out = this.sanitize(html)
    const chunks = Array.from(out.childNodes).filter((n) => n.nodeType === 1) as Element[]
    if (chunks.length !== keys.length) return false
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!
      if (chunk.tagName !== 'DIV' || chunk.getAttribute(CHUNK) !== String(i)) return false
      const frag = chunk.ownerDocument.createDocumentFragment()
      frag.append(...Array.from(chunk.childNodes))
      into.set(keys[i]!, frag)
    }
    return true
  }
}
