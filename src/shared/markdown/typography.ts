import { decodeHTML } from 'entities'
import type { StateCore, Token } from 'markdown-it'
import { isFinished } from './inline-cache'
import { DEFAULT_MARKDOWN_SETTINGS, type MarkdownSettings } from './settings'
import { entityByName } from './entity-output'
import type { PipelineEnv } from './types'

// kramdown/parser/kramdown/typographic_symbol.rb and smart_quotes.rb, applied to text the way
// kramdown's span parser meets it: left to right, a quote seeing the character just before it
// unless another construct has used that character up.

const TYPOGRAPHIC = /---|--|\.\.\.|<< | >>|<<|>>/g
/** kramdown's typographic symbols, as the entities it makes of them. */
const TYPOGRAPHIC_ENTITIES: Record<string, readonly string[]> = {
  '---': ['mdash'],
  '--': ['ndash'],
  '...': ['hellip'],
  '<< ': ['laquo', 'nbsp'],
  ' >>': ['nbsp', 'raquo'],
  '<<': ['laquo'],
  '>>': ['raquo'],
}
const ENTITY_CHARS: Record<string, string> = {
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  nbsp: '\u00a0',
}
/** The entity names of kramdown's default smart quotes (‘ ’ “ ”). */
const CURLY_NAMES = ['lsquo', 'rsquo', 'ldquo', 'rdquo'] as const

/**
 * A piece of typography's output: text as typed, or a symbol kramdown made (an entity, which it
 * spells per `entity_output`): its character and its entity name.
 */
export type TypographyPiece = string | { char: string; name: string }

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

/** Which of the four quotes (‘ ’ “ ”, as indices into the quotes) a quote character opens or closes with. */
const LSQUO = 0
const RSQUO = 1
const LDQUO = 2
const RDQUO = 3
const opening = (c: string): number => (c === '"' ? LDQUO : LSQUO)
const closing = (c: string): number => (c === '"' ? RDQUO : RSQUO)

/** A smart quote's replacement: text kept as typed, then the quotes kramdown puts (indices). */
interface QuoteResult {
  pre: string
  marks: number[]
  end: number
}

/**
 * Applies kramdown's smart-quote rules to the quote at `q` (with the character before it when
 * kramdown sees one). Returns the replacement and where the text after it starts.
 */
function smartQuote(s: string, q: number, prev: string | undefined, after: string): QuoteResult {
  const qc = s[q]!
  const rest = s.slice(q + 1, q + 4) + after.slice(0, 3)
  const n1 = rest[0]
  const n2 = rest[1]
  const one = (pre: string, mark: number): QuoteResult => ({ pre, marks: [mark], end: q + 1 })
  if (prev !== undefined) {
    if (isSpace(prev)) {
      if (qc === '"' && n1 === "'" && isWord(n2))
        return { pre: prev, marks: [LDQUO, LSQUO], end: q + 2 }
      if (qc === "'" && n1 === '"' && isWord(n2))
        return { pre: prev, marks: [LSQUO, LDQUO], end: q + 2 }
      if (qc === "'" && /^\d\ds/.test(rest)) return one(prev, RSQUO)
      return one(prev, opening(qc))
    }
    if (!NOT_CLOSE.has(prev)) return one(prev, closing(qc))
    return one(prev, opening(qc))
  }
  if (/^[_*]{1,2}\S/.test(rest)) return one('', opening(qc))
  if (
    n1 !== undefined &&
    SQ_PUNCT.has(n1) &&
    !rest.startsWith('..', 1) &&
    isBoundaryWord(n1) === isBoundaryWord(n2)
  ) {
    return one('', closing(qc))
  }
  if (qc === '"' && n1 === "'" && isWord(n2)) return { pre: '', marks: [LDQUO, LSQUO], end: q + 2 }
  if (qc === "'" && n1 === '"' && isWord(n2)) return { pre: '', marks: [LSQUO, LDQUO], end: q + 2 }
  if (qc === "'" && /^\d\ds/.test(rest)) return one('', RSQUO)
  if (n1 === '"' || n1 === "'") return { pre: qc, marks: [closing(n1)], end: q + 2 }
  if (n1 === undefined || n1 === '\n' || isSpace(n1) || (n1 === 's' && !isBoundaryWord(n2))) {
    return one('', closing(qc))
  }
  return one('', opening(qc))
}

/**
 * kramdown's typographic symbols (`--` → –, `---` → —, `...` → …, `<<` → «) and smart quotes on
 * one run of text, as pieces: text as typed and the symbols kramdown made. `after` is what follows
 * the run (for look-ahead); `names` are the smart quotes' entity names.
 */
export function typographyPieces(
  s: string,
  after: string,
  quotes: Quotes,
  names: readonly string[],
): TypographyPiece[] {
  const pieces: TypographyPiece[] = []
  const text = (t: string) => {
    if (t) pieces.push(t)
  }
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
      text(s.slice(pos, quoteStart))
      const prev = quoteStart < q ? s[quoteStart] : undefined
      const { pre, marks, end } = smartQuote(s, q, prev, after)
      text(pre)
      for (const m of marks) pieces.push({ char: quotes[m]!, name: names[m]! })
      pos = end
    } else {
      text(s.slice(pos, typoStart))
      for (const name of TYPOGRAPHIC_ENTITIES[typo![0]]!)
        pieces.push({ char: ENTITY_CHARS[name]!, name })
      pos = typoStart + typo![0].length
    }
  }
  text(s.slice(pos))
  return pieces
}

const MAY_CHANGE = /["']|--|\.\.\.|<<|>>/

/**
 * kramdown's typographic symbols (`--` → –, `---` → —, `...` → …, `<<` → «) and smart quotes on
 * one run of text, as characters. `after` is what follows the run (for look-ahead).
 */
export function kramdownTypography(s: string, after = '', quotes: Quotes = CURLY_QUOTES): string {
  if (!MAY_CHANGE.test(s)) return s
  return typographyPieces(s, after, quotes, CURLY_NAMES)
    .map((p) => (typeof p === 'string' ? p : p.char))
    .join('')
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

/**
 * The tokens for a run of typography's pieces: text, and each symbol as an entity token (type
 * `text_special`, info `typography`) that renders per `entity_output`.
 */
function pieceTokens(state: StateCore, like: Token, pieces: TypographyPiece[]): Token[] {
  return pieces.map((piece) => {
    const t = new state.Token(typeof piece === 'string' ? 'text' : 'text_special', '', 0)
    t.level = like.level
    if (typeof piece === 'string') t.content = piece
    else {
      t.content = piece.char
      t.info = 'typography'
      t.meta = { entity: entityByName(piece.name) }
    }
    return t
  })
}

/**
 * Core rule: typographic symbols and smart quotes in every text token (not code, not HTML). With
 * `entity_output: as_char` (the default) a symbol is its character, spelled like text; otherwise it
 * becomes a token of its own, spelled as kramdown spells the entity.
 */
export function applyTypography(state: StateCore): void {
  const settings = (state.env as PipelineEnv).markdown ?? DEFAULT_MARKDOWN_SETTINGS
  const quotes = quotesOf(settings)
  const asChar = settings.entityOutput === 'as_char'
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children || isFinished(block.children)) continue
    const children = block.children
    let inAutolink = false
    for (let i = 0; i < children.length; i++) {
      const t = children[i]!
      if (t.type === 'link_open' && t.markup === 'autolink') inAutolink = true
      else if (t.type === 'link_close' && inAutolink) inAutolink = false
      else if (t.type === 'text' && !inAutolink && MAY_CHANGE.test(t.content)) {
        const after = followingSource(children, i + 1)
        if (asChar) {
          t.content = kramdownTypography(t.content, after, quotes)
          continue
        }
        const pieces = typographyPieces(t.content, after, quotes, settings.smartQuotes)
        if (pieces.length === 1 && typeof pieces[0] === 'string') continue
        // The list may be the inline cache's: change it in place (it is finished once).
        const replacement = pieceTokens(state, t, pieces)
        children.splice(i, 1, ...replacement)
        i += replacement.length - 1
      }
    }
  }
}
