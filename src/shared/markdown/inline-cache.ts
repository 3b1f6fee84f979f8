import type { StateCore, Token } from 'markdown-it'
import { sourceEntity } from './entity-output'
import type { MarkdownSettings } from './settings'
import type { PipelineEnv } from './types'

/**
 * Inline runs kept beyond the ones the last two renders used (a 200k-character post has a few
 * thousand; the runs of the open post are never dropped, whatever its size).
 */
const CACHE_LIMIT = 20_000

const cache = new Map<string, { children: Token[]; used: number }>()
let generation = 0
/** The options the cached runs were finished and rendered with (see {@link optionsKey}). */
let cachedFor = ''
const keys = new WeakMap<object, string>()

/**
 * What cached inline runs depend on besides their text: the quotes typography puts in, how
 * entities are spelled and whether a line break renders as `<br />`. Compared by value, so equal
 * settings from IPC share the cache.
 */
function optionsKey(settings: MarkdownSettings): string {
  let key = keys.get(settings)
  if (key === undefined) {
    key = `${settings.smartQuotes.join(',')}|${settings.hardWrap}|${settings.entityOutput}`
    keys.set(settings, key)
  }
  return key
}
/** Cached token lists that the after-inline rules have already finished. */
const finished = new WeakSet<Token[]>()
/** Rendered HTML of cached token lists that render the same in every document. */
const rendered = new WeakMap<Token[], string>()

/** Forgets every cached parse (tests compare cached renders with cold ones). */
export function clearInlineCache(): void {
  cache.clear()
}

/** Whether the later rules already processed this (cached) token list. */
export function isFinished(children: Token[]): boolean {
  return finished.has(children)
}

/** Marks a cached token list as processed by the later rules (only lists from the cache). */
export function markFinished(children: Token[]): void {
  finished.add(children)
}

/** The HTML of a token list rendered before, if it does not depend on the document. */
export function renderedHtml(children: Token[]): string | undefined {
  return rendered.get(children)
}

/** Remembers the HTML of a cached token list when it cannot differ between documents. */
export function rememberHtml(children: Token[], html: string): void {
  if (!cachedLists.has(children)) return
  for (const t of children) {
    // Images are resolved per document; raw HTML may hold images too.
    if (
      t.type === 'image' ||
      (t.type === 'html_inline' && /<img/i.test(t.content)) ||
      t.type === 'footnote_ref'
    )
      return
  }
  rendered.set(children, html)
}

const cachedLists = new WeakSet<Token[]>()

/**
 * Replaces markdown-it's core `inline` rule with one that reuses the inline tokens of text it has
 * parsed before. The editor re-renders on every keystroke and almost every paragraph is unchanged,
 * so this skips most of the parsing work.
 *
 * Safe because inline parsing depends only on the text, the link reference definitions (part of the
 * key when the text has a `[`) and, for footnote markers and attribute lists, on per-document state:
 * text with `[^` or `{:` is always parsed afresh. The rules that run after this one change the
 * cached tokens only in ways that give the same result when run again.
 */
export function cachedInline(state: StateCore): void {
  const { md, env } = state
  generation++
  // Finished runs hold typography and HTML made with one set of options: another set starts afresh.
  const key = optionsKey((env as PipelineEnv).markdown)
  if (key !== cachedFor) {
    cache.clear()
    cachedFor = key
  }
  const references = env.references
  const referenceKey =
    references && Object.keys(references).length > 0 ? JSON.stringify(references) : ''
  for (const token of state.tokens) {
    if (token.type !== 'inline') continue
    const content = token.content
    if (content.includes('[^') || content.includes('{:')) {
      md.inline.parse(content, md, env, token.children ?? (token.children = []))
      continue
    }
    const key = referenceKey && content.includes('[') ? `${referenceKey}\u0000${content}` : content
    const hit = cache.get(key)
    if (hit) {
      hit.used = generation
      token.children = hit.children
      continue
    }
    const children: Token[] = []
    md.inline.parse(content, md, env, children)
    token.children = children
    cache.set(key, { children, used: generation })
    cachedLists.add(children)
  }
  if (cache.size > CACHE_LIMIT) {
    for (const [key, entry] of cache) if (entry.used < generation - 1) cache.delete(key)
  }
}

/**
 * An entity typed in the source stays a token of its own (kramdown spells it per `entity_output`),
 * holding the entity kramdown reads; a name kramdown does not know is text as typed (`&check;`).
 */
function readEntity(t: Token): void {
  const entity = sourceEntity(t.markup)
  if (!entity) {
    t.type = 'text'
    t.content = t.markup
    return
  }
  t.content = String.fromCodePoint(entity.code)
  t.meta = { ...t.meta, entity }
}

/**
 * markdown-it's text_join (escaped characters become plain text, neighbouring text merges), skipping
 * token lists that were joined in an earlier render. Entities stay tokens (see {@link readEntity}).
 */
export function joinText(state: StateCore): void {
  for (const block of state.tokens) {
    const tokens = block.type === 'inline' ? block.children : null
    if (!tokens || finished.has(tokens)) continue
    for (const t of tokens) {
      if (t.type !== 'text_special') continue
      if (t.info === 'entity') readEntity(t)
      // Typography's symbols are entities already (see typography.ts).
      else if (t.info !== 'typography') t.type = 'text'
    }
    let last = 0
    for (let curr = 0; curr < tokens.length; curr++) {
      const t = tokens[curr]!
      const next = tokens[curr + 1]
      if (t.type === 'text' && next?.type === 'text') {
        next.content = t.content + next.content
      } else {
        tokens[last++] = t
      }
    }
    tokens.length = last
  }
}
