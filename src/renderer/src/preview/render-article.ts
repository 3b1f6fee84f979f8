import DOMPurify from 'dompurify'
import { sanitizePreviewFragment, type RenderedBlock } from '../../../shared/markdown'
import type { LivePost } from '../shell/live-post'
import { itemwiseLists, listItems, type ListItems } from './list-pieces'

/** The browser's DOMPurify instance (bound to this window). */
const purify = DOMPurify(window)

/** One block sanitized whole for the preview. Code blocks become focusable: a long line scrolls
 * sideways, and a keyboard has to reach it to scroll it. */
function sanitizeWhole(html: string): DocumentFragment {
  const fragment = sanitizePreviewFragment(html, purify)
  for (const pre of fragment.querySelectorAll('pre')) pre.tabIndex = 0
  return fragment
}

/** The items of long lists (the table of contents), sanitized one by one (list-pieces.ts). */
export const previewListItems: ListItems = listItems(sanitizeWhole)

/**
 * Sanitizes one block (or a run of blocks) of rendered HTML for the preview; a long list (the table
 * of contents) item by item, the items seen before reused (list-pieces.ts).
 */
export const sanitizeBlock: (html: string) => DocumentFragment = itemwiseLists(
  sanitizeWhole,
  previewListItems,
)

/** A post rendered for the preview: its header and its (unsanitized) top-level blocks. */
export interface RenderedArticle {
  /** The blog's post header, built from the front matter with text nodes only; null without a title. */
  header: HTMLElement | null
  /** A key that changes whenever the header's content does. */
  headerKey: string
  /** The body's blocks; the preview sanitizes the ones it has not seen (see BlockPatcher). */
  blocks: RenderedBlock[]
  /**
   * The body's length (characters): a long post is laid out by window from its first render,
   * while its blocks are still coming in.
   */
  sourceChars: number
}

/** Text of a front-matter value that may be a string, a date or a list. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number') return String(value)
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString()
  return null
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(textOf).filter((v): v is string => v !== null)
  const one = textOf(value)
  return one ? [one] : []
}

/**
 * The blog's post header (title, date, authors, tags) built from the front matter with text nodes
 * only, so nothing in it can become markup. Carries `data-line="0"` for scroll sync.
 */
function postHeader(doc: Document, data: Record<string, unknown>): HTMLElement | null {
  const title = textOf(data.title)
  if (!title) return null
  const header = doc.createElement('header')
  header.className = 'pw-post-header'
  header.dataset.line = '0'
  const h1 = doc.createElement('h1')
  h1.textContent = title
  header.append(h1)
  const meta = doc.createElement('p')
  meta.className = 'pw-post-meta'
  const date = textOf(data.date)
  if (date) {
    const time = doc.createElement('time')
    time.textContent = date.replace(/T.*$/, '').replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1/$2/$3')
    meta.append(time)
  }
  for (const author of listOf(data.authors ?? data.author)) {
    const span = doc.createElement('span')
    span.textContent = author
    meta.append(span)
  }
  if (data.published === false) {
    const draft = doc.createElement('span')
    draft.className = 'pw-draft'
    draft.textContent = '下書き'
    meta.append(draft)
  }
  if (meta.childNodes.length > 0) header.append(meta)
  const tags = listOf(data.tags)
  if (tags.length > 0) {
    const ul = doc.createElement('ul')
    ul.className = 'pw-post-tags'
    for (const tag of tags) {
      const li = doc.createElement('li')
      li.textContent = tag
      ul.append(li)
    }
    header.append(ul)
  }
  return header
}

/**
 * The live post as the preview shows it: the body's blocks (rendered once per keystroke by the
 * live post, with the same shared pipeline as the CLI) and the blog's header built in `doc` from
 * text nodes only. The blocks are sanitized by the preview's BlockPatcher before anything is shown.
 */
export function renderArticle(post: LivePost, doc: Document): RenderedArticle {
  const header = postHeader(doc, post.frontMatter)
  return {
    header,
    headerKey: header?.outerHTML ?? '',
    blocks: post.rendered.blocks,
    sourceChars: post.split.body.length,
  }
}

/**
 * {@link renderArticle}, remembered for the last post value and document: asked again for the same
 * value (the live post announces a keystroke the preview has already rendered), it returns the
 * same article, which the preview knows it shows.
 */
export function articleRenderer(): (post: LivePost, doc: Document) => RenderedArticle {
  let last: { post: LivePost; doc: Document; article: RenderedArticle } | null = null
  return (post, doc) => {
    if (last?.post === post && last.doc === doc) return last.article
    const article = renderArticle(post, doc)
    last = { post, doc, article }
    return article
  }
}
