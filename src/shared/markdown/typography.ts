import { decodeHTML } from 'entities'
import type { StateCore, Token } from 'markdown-it'
import { isFinished } from './inline-cache'
import { DEFAULT_MARKDOWN_SETTINGS, type MarkdownSettings } from './settings'
import type { PipelineEnv } from './types'

// kramdown/parser/kramdown/typographic_symbol.rb and smart_quotes.rb, applied to text the way
// kramdown's span parser meets it: left to right, a quote seeing the character just before it
// unless another construct has used that character up.

const TYPOGRAPHIC = /---|--|\.\.\.|<< | >>|<<|>>/g
const TYPOGRAPHIC_SUBST: Record<string, string> = {
  '---': '\u2014',
  '--': '\u2013',
  '...': '\u2026',
  '<< ': '\u00ab\u00a0',
  ' >>': '\u00a0\u00bb',
  '<<': '\u00ab',
  '>>': '\u00bb',
}
/** The four quotes kramdown puts for ‘ ’ “ ” (its `smart_quotes` option), as characters. */
export type Quotes = readonly [string, string, string, string]

/** kramdown's default smart quotes. */
export const CURLY_QUOTES: Quotes = ['\u2018', '\u2019', '\u201c', '\u201d']

const quoteCache = new WeakMap<MarkdownSettings, Quotes>()

/** The characters a settings value's `smart_quotes` entity names stand for. */
export function quotesOf(settings: MarkdownSettings): Quotes {
  let quotes = quoteCache.get(settings)
  if (!quotes) {
    quotes = settings.smartQuotes.map((name) => decodeHTML(`&${name};`)) as unknown as Quotes
    quoteCache.set(settings, quotes)
  }
  return quotes
}

/** Ruby's \s (ASCII). */
const isSpace = (c: string | undefined): boolean => c !== undefined && /[ \t\n\v\f\r]/.test(c)
/** Ruby's \w (ASCII). */
const isWord = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c)
/** A word character for Ruby's \b, which is Unicode-aware. */
const isBoundaryWord = (c: string | undefined): boolean =>
  c !== undefined && /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}]/u.test(c)
const SQ_PUNCT = new Set('!"#$%\'()*+,-./:;<=>?@[\\]^_`{|}~')
/** Characters after which a quote is not a closing one (kramdown's SQ_CLOSE excludes them). */
const NOT_CLOSE = new Set([' ', '\\', '\t', '\r', '\n', '[', '{', '(', '-'])

/**
 * Applies kramdown's smart-quote rules to the quote at `q` (with the character before it when
 * kramdown sees one). Returns the replacement text and how many characters after `q - 1` or `q`
 * it used.
 */
function smartQuote(
  s: string,
  q: number,
  prev: string | undefined,
  after: string,
  quotes: Quotes,
): { out: string; end: number } {
  const [LSQUO, RSQUO, LDQUO, RDQUO] = quotes
  const opening = (c: string) => (c === '"' ? LDQUO : LSQUO)
  const closing = (c: string) => (c === '"' ? RDQUO : RSQUO)
  const qc = s[q]!
  const rest = s.slice(q + 1, q + 4) + after.slice(0, 3)
  const n1 = rest[0]
  const n2 = rest[1]
  if (prev !== undefined) {
    if (isSpace(prev)) {
      if (qc === '"' && n1 === "'" && isWord(n2)) return { out: prev + LDQUO + LSQUO, end: q + 2 }
      if (qc === "'" && n1 === '"' && isWord(n2)) return { out: prev + LSQUO + LDQUO, end: q + 2 }
      if (qc === "'" && /^\d\ds/.test(rest)) return { out: prev + RSQUO, end: q + 1 }
      if (isWord(n1)) return { out: prev + opening(qc), end: q + 1 }
      return { out: prev + opening(qc), end: q + 1 }
    }
    if (!NOT_CLOSE.has(prev)) return { out: prev + closing(qc), end: q + 1 }
    return { out: prev + opening(qc), end: q + 1 }
  }
  if (/^[_*]{1,2}\S/.test(rest)) return { out: opening(qc), end: q + 1 }
  if (
    n1 !== undefined &&
    SQ_PUNCT.has(n1) &&
    !rest.startsWith('..', 1) &&
    isBoundaryWord(n1) === isBoundaryWord(n2)
  ) {
    return { out: closing(qc), end: q + 1 }
  }
  if (qc === '"' && n1 === "'" && isWord(n2)) return { out: LDQUO + LSQUO, end: q + 2 }
  if (qc === "'" && n1 === '"' && isWord(n2)) return { out: LSQUO + LDQUO, end: q + 2 }
  if (qc === "'" && /^\d\ds/.test(rest)) return { out: RSQUO, end: q + 1 }
  if (n1 === '"' || n1 === "'") return { out: qc + closing(n1), end: q + 2 }
  if (n1 === undefined || n1 === '\n' || isSpace(n1) || (n1 === 's' && !isBoundaryWord(n2))) {
    return { out: closing(qc), end: q + 1 }
  }
  return { out: opening(qc), end: q + 1 }
}

/**
 * kramdown's typographic symbols (`--` → –, `---` → —, `...` → …, `<<` → «) and smart quotes on
 * one run of text. `after` is what follows the run (for look-ahead).
 */
export function kramdownTypography(s: string, after = '', quotes: Quotes = CURLY_QUOTES): string {
  if (!/["']|--|\.\.\.|<<|>>/.test(s)) return s
  let out = ''
  let pos = 0
  while (pos < s.length) {
    let q = -1
    for (let i = pos; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c === 0x22 || c === 0x27) {
        q = i
        break
      }
    }
    const quoteStart = q < 0 ? Infinity : q - 1 >= pos && s[q - 1] !== '\\' ? q - 1 : q
    TYPOGRAPHIC.lastIndex = pos
    const typo = TYPOGRAPHIC.exec(s)
    const typoStart = typo ? typo.index : Infinity
    if (quoteStart === Infinity && typoStart === Infinity) break
    if (quoteStart <= typoStart) {
      out += s.slice(pos, quoteStart)
      const prev = quoteStart < q ? s[quoteStart] : undefined
      const { out: replaced, end } = smartQuote(s, q, prev, after, quotes)
      out += replaced
      pos = end
    } else {
      out += s.slice(pos, typoStart) + TYPOGRAPHIC_SUBST[typo![0]]!
      pos = typoStart + typo![0].length
    }
  }
  return out + s.slice(pos)
}

/** What the source looks like right after an inline token, for look-ahead across tokens. */
function sourceOf(token: Token | undefined): string {
  if (!token) return ''
  switch (token.type) {
    case 'text':
      return token.content
    case 'softbreak':
    case 'hardbreak':
      return '\n'
    case 'code_inline':
      return token.markup
    case 'link_open':
      return '['
    case 'link_close':
      return ']'
    case 'image':
      return '!'
    case 'html_inline':
      return token.content
    case 'footnote_ref':
      return '['
    default:
      return token.markup || ''
  }
}

/** A few characters of what follows token `from` in the source, for look-ahead. */
function followingSource(children: readonly Token[], from: number): string {
  let out = ''
  for (let i = from; i < children.length && out.length < 3; i++) out += sourceOf(children[i])
  return out
}

/** Core rule: typographic symbols and smart quotes in every text token (not code, not HTML). */
export function applyTypography(state: StateCore): void {
  const quotes = quotesOf((state.env as PipelineEnv).markdown ?? DEFAULT_MARKDOWN_SETTINGS)
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children || isFinished(block.children)) continue
    const children = block.children
    let inAutolink = false
    for (let i = 0; i < children.length; i++) {
      const t = children[i]!
      if (t.type === 'link_open' && t.markup === 'autolink') inAutolink = true
      else if (t.type === 'link_close' && inAutolink) inAutolink = false
      else if (t.type === 'text' && !inAutolink)
        t.content = kramdownTypography(t.content, followingSource(children, i + 1), quotes)
    }
  }
}
