/**
 * A long list block sanitized item by item. The table of contents of a long post is one block of
 * hundreds of items (about 48,000 characters at 200k), and typing in any heading changes it: it
 * was sanitized whole again on every keystroke (17-51 ms a keystroke at 200k). Its items are kept
 * sanitized one by one, so a keystroke sanitizes the one item that changed; the block patcher then
 * replaces that item in the list shown (`BlockPatcher`'s list plans) instead of copying and
 * swapping the whole list, and a new list is assembled from the items' clones.
 *
 * Only a list whose items are provably parsed the same on their own as inside it is split: each
 * top-level item a well-formed `<li>…</li>` of the tags below, nothing between items but white
 * space, no comment and no `<` that does not start a tag. Anything else is sanitized whole.
 */

/** Lists shorter than this are sanitized whole (splitting them saves nothing). */
export const SPLIT_FROM_CHARS = 4000

/** A list block cut at its top-level items. */
export interface ListPieces {
  /** The list's start tag with its attributes, e.g. `<ol id="markdown-toc" data-line="9">`. */
  open: string
  /** The list's tag name (`ul` or `ol`). */
  name: string
  /** The white space before each item, and (last) before the closing tag. */
  gaps: string[]
  items: string[]
  /** White space after the closing tag. */
  tail: string
}

/** Tags an item may hold: what kramdown writes into a list of links (a table of contents). */
const ITEM_TAGS = new Set(
  (
    'a abbr b br code del em i img ins kbd li mark ol s samp small span strong sub sup u ul var'
  ).split(' '),
)
const VOID_TAGS = new Set(['br', 'img'])
const OPEN_LIST = /^<(ul|ol)\b[^<>]*>/
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>/g
const SPACE = /^\s*$/

/** Splits a long list block at its top-level items, or null (see the module comment). */
export function splitList(html: string): ListPieces | null {
  if (html.length < SPLIT_FROM_CHARS) return null
  const start = OPEN_LIST.exec(html)
  if (!start || start[0].endsWith('/>')) return null
  const name = start[1]!.toLowerCase()
  const close = `</${name}>`
  const end = html.lastIndexOf(close)
  if (end < 0) return null
  const tail = html.slice(end + close.length)
  if (!SPACE.test(tail)) return null
  const inner = html.slice(start[0].length, end)
  const gaps: string[] = []
  const items: string[] = []
  const open: string[] = []
  let tags = 0
  let itemStart = -1
  let last = 0
  for (const m of inner.matchAll(TAG)) {
    tags++
    const tag = m[2]!.toLowerCase()
    if (!ITEM_TAGS.has(tag) || m[0].endsWith('/>')) return null
    const at = m.index
    if (open.length === 0) {
      // Between items: only white space, and the next thing is an item's start tag.
      if (m[1] === '/' || tag !== 'li') return null
      const gap = inner.slice(last, at)
      if (!SPACE.test(gap)) return null
      gaps.push(gap)
      itemStart = at
    }
    if (VOID_TAGS.has(tag)) continue
    if (m[1] === '/') {
      if (open.pop() !== tag) return null
      if (open.length === 0) {
        last = at + m[0].length
        items.push(inner.slice(itemStart, last))
      }
    } else open.push(tag)
  }
  if (open.length > 0 || items.length === 0) return null
  const rest = inner.slice(last)
  if (!SPACE.test(rest)) return null
  gaps.push(rest)
  let lts = 0
  for (let i = inner.indexOf('<'); i >= 0; i = inner.indexOf('<', i + 1)) lts++
  if (lts !== tags) return null
  return { open: start[0], name, gaps, items, tail }
}

/** Sanitized items kept (least recently used dropped first): several long tables of contents. */
const CACHED_ITEMS = 4000
/** Lists cut at their items kept: the one shown and the one an edit makes of it. */
const CACHED_SPLITS = 4

/** A long list's items, sanitized one by one and kept (see the module comment). */
export interface ListItems {
  /** {@link splitList}, remembered for the last few long lists (each is 48 KB to scan at 200k). */
  split(html: string): ListPieces | null
  /** An item sanitized, from the cache when seen before: clone it, never insert it. */
  item(html: string): DocumentFragment
}

/** The item cache and the remembered splits of {@link ListItems}, over a block sanitizer. */
export function listItems(sanitize: (html: string) => DocumentFragment): ListItems {
  const cache = new Map<string, DocumentFragment>()
  const splits = new Map<string, ListPieces | null>()
  return {
    split(html) {
      if (html.length < SPLIT_FROM_CHARS) return null
      if (splits.has(html)) return splits.get(html)!
      const pieces = splitList(html)
      if (splits.size >= CACHED_SPLITS) splits.delete(splits.keys().next().value!)
      splits.set(html, pieces)
      return pieces
    },
    item(html) {
      let fragment = cache.get(html)
      if (fragment) {
        cache.delete(html)
      } else {
        fragment = sanitize(html)
        if (cache.size >= CACHED_ITEMS) cache.delete(cache.keys().next().value!)
      }
      cache.set(html, fragment)
      return fragment
    },
  }
}

/**
 * Wraps a block sanitizer: a long list block (see {@link splitList}) is sanitized as its empty
 * list plus each item, items seen before cloned from a cache. The result equals sanitizing the
 * block whole (tested), and every node still comes out of the sanitizer.
 */
export function itemwiseLists(
  sanitize: (html: string) => DocumentFragment,
  items: ListItems = listItems(sanitize),
): (html: string) => DocumentFragment {
  return (html) => {
    const pieces = items.split(html)
    if (!pieces) return sanitize(html)
    const fragment = sanitize(`${pieces.open}</${pieces.name}>${pieces.tail}`)
    const list = fragment.firstChild
    const doc = fragment.ownerDocument
    if (!list || list.nodeType !== 1 || (list as Element).localName !== pieces.name)
      return sanitize(html)
    pieces.items.forEach((html, i) => {
      if (pieces.gaps[i]) list.appendChild(doc.createTextNode(pieces.gaps[i]!))
      list.appendChild(doc.importNode(items.item(html), true))
    })
    const after = pieces.gaps[pieces.items.length]
    if (after) list.appendChild(doc.createTextNode(after))
    return fragment
  }
}
