import { CST, isMap, isScalar, isSeq, Lexer, parseDocument, LineCounter, type Document } from 'yaml'
import { msg, type LocalizedText } from './localized'
import { explainYamlError } from './yaml-explain'
import { isClosingFence } from './front-matter-fence'

/** Most aliases a front matter may expand; stops alias bombs (RELIABILITY.md S12). */
export const MAX_ALIAS_COUNT = 100

/**
 * The most front matter the app parses (S12): beyond this it is refused before the YAML parser
 * runs, with a message naming the limit. Real posts use a few dozen lines and a few levels of
 * nesting; the YAML library recurses once per level and runs out of stack near a thousand.
 */
export const FRONT_MATTER_LIMITS = { lines: 1000, bytes: 64 * 1024, depth: 100 } as const

/** A front-matter problem with its 1-based line in the whole file. */
export interface FrontMatterError {
  line: number
  message: LocalizedText
  /** True when putting the value on `line` in quotes fixes it (see `quoteValueEdit`). */
  quote?: boolean
}

/**
 * A post split into front matter and body.
 * `bodyStart` is the offset of the body in the text and `bodyLine` its 0-based line, so rendered
 * blocks can carry source lines of the whole file.
 */
export interface SplitPost {
  /** The YAML between the fences, as typed (empty when there is none). */
  yaml: string
  /** The parsed front matter; `{}` when absent or invalid. */
  data: Record<string, unknown>
  error: FrontMatterError | null
  hasFrontMatter: boolean
  body: string
  bodyStart: number
  bodyLine: number
}

const OPEN = /^(?:\uFEFF)?---([^\n]*)\n/

/**
 * Splits a post into its YAML front matter and Markdown body, and parses the YAML.
 * Never evaluates code: `---js` / `---javascript` front matter is refused (S11), aliases are capped
 * (S12), and an invalid front matter keeps its text for the editor with a line-numbered error (D1).
 */
export function splitPost(input: string): SplitPost {
  // The preview, its header and the card split the same text on every keystroke.
  if (input === lastSplit.input && lastSplit.result) return lastSplit.result
  const result = splitPostUncached(input)
  lastSplit.input = input
  lastSplit.result = result
  return result
}

const lastSplit: { input: string; result: SplitPost | null } = { input: '', result: null }

function splitPostUncached(input: string): SplitPost {
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input
  const open = OPEN.exec(text)
  if (!open) {
    return {
      yaml: '',
      data: {},
      error: null,
      hasFrontMatter: false,
      body: text,
      bodyStart: 0,
      bodyLine: 0,
    }
  }
  const lang = open[1]!.trim()
  // Only the front matter's lines are looked at: a 10 MB post is not split into lines per keystroke.
  const lines: string[] = []
  let closeIndex = -1
  for (let at = open[0].length; at <= text.length;) {
    const nl = text.indexOf('\n', at)
    const line = text.slice(at, nl < 0 ? text.length : nl)
    if (isClosingFence(line)) {
      closeIndex = lines.length
      lines.push(line)
      break
    }
    lines.push(line)
    if (nl < 0) break
    at = nl + 1
  }
  if (closeIndex < 0) {
    const rest = text.slice(open[0].length)
    return {
      yaml: rest,
      data: {},
      error: {
        line: 1,
        // Past the limits (or only the start of a huge one was given), the limit is the news.
        message:
          frontMatterTooLarge(rest, { atLeast: true }) ??
          msg(
            'フロントマターが閉じていません。YAML の終わりに「---」だけの行を置いてください。',
            'The front matter is not closed: add a line with only "---" after the YAML.',
          ),
      },
      hasFrontMatter: true,
      body: '',
      bodyStart: text.length,
      bodyLine: text.split('\n').length,
    }
  }
  const yaml = lines.slice(0, closeIndex).join('\n')
  const bodyLine = closeIndex + 2
  const bodyStart = open[0].length + lines.slice(0, closeIndex + 1).join('\n').length + 1
  const body = text.slice(Math.min(bodyStart, text.length))
  const base = {
    yaml,
    hasFrontMatter: true,
    body,
    bodyStart: Math.min(bodyStart, text.length),
    bodyLine,
  }
  if (lang !== '' && lang !== 'yaml' && lang !== 'yml') {
    return {
      ...base,
      data: {},
      error: {
        line: 1,
        message: msg(
          `「---${lang}」のフロントマターには対応していません（コードは実行しません）。YAML で書いてください。`,
          `"---${lang}" front matter is not supported (no code is run). Write it in YAML.`,
        ),
      },
    }
  }
  return { ...base, ...parseFrontMatterYaml(yaml) }
}

/** How a YAML text exceeds {@link FRONT_MATTER_LIMITS}: its line count, size in KB or nesting. */
export type YamlOverLimit =
  { kind: 'lines'; lines: number } | { kind: 'bytes'; kb: number } | { kind: 'depth' }

/**
 * A quick character count that is never below {@link nestsDeeperThan}'s bound: per line, its
 * leading blanks and every `-`, `?`, `:`; plus every `[` and `{` so far. Almost every front
 * matter is far below the limit by this count, so the list of 2,000 posts never runs the lexer.
 */
function mayNestDeeperThan(yaml: string, limit: number): boolean {
  let openers = 0
  let line = 0
  let leading = true
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i)
    if (c === 10) {
      line = 0
      leading = true
      continue
    }
    if (c === 91 || c === 123) openers++
    // `-`, `?`, `:`, and blanks while still at the start of the line.
    if (c === 45 || c === 63 || c === 58 || (leading && (c === 32 || c === 9))) line++
    else leading = false
    if (line + openers > limit) return true
  }
  return false
}

/**
 * Whether a YAML text may nest deeper than `limit`, from the tokens of the YAML library's lexer
 * (a loop, no recursion; it knows quotes, comments and block text). The bound at each token is
 * the line's indentation, plus the block indicators (`-`, `?`, `:`) on the line, plus the open
 * flow collections (`[`, `{`): every nesting level needs one of them, so the real depth is never
 * more than this, and a text under the limit is never refused for its nesting.
 */
function nestsDeeperThan(yaml: string, limit: number): boolean {
  if (!mayNestDeeperThan(yaml, limit)) return false
  let flow = 0
  let indent = 0
  let indicators = 0
  let lineStart = true
  for (const token of new Lexer().lex(yaml)) {
    const type = CST.tokenType(token)
    if (type === 'newline') {
      lineStart = true
      indent = 0
      indicators = 0
      continue
    }
    if (type === 'space' && lineStart) indent = token.length
    else if (type === 'flow-seq-start' || type === 'flow-map-start') flow++
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1)
    else if (
      flow === 0 &&
      (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')
    )
      indicators++
    lineStart = false
    if (indent + indicators + flow > limit) return true
  }
  return false
}

/**
 * Why a YAML file of any length (a proofreading configuration, a prh dictionary) is refused before
 * the parser runs, or null: nested deeper than {@link FRONT_MATTER_LIMITS}' depth (S12).
 */
export function yamlTooDeep(yaml: string): LocalizedText | null {
  const depth = FRONT_MATTER_LIMITS.depth
  if (yaml.length <= depth || !nestsDeeperThan(yaml, depth)) return null
  return msg(
    `入れ子が深すぎるため読み込みません（上限は ${depth} 段）`,
    `it is nested too deeply to read (the limit is ${depth} levels)`,
  )
}

/**
 * Whether a YAML text is over {@link FRONT_MATTER_LIMITS}, measured without parsing it (S12).
 * Front matter and the repository profile both ask this before any YAML parser runs.
 */
export function yamlOverLimits(yaml: string): YamlOverLimit | null {
  const { lines: maxLines, bytes: maxBytes } = FRONT_MATTER_LIMITS
  let lines = 1
  for (let i = yaml.indexOf('\n'); i >= 0 && lines <= maxLines; i = yaml.indexOf('\n', i + 1))
    lines++
  if (lines > maxLines) return { kind: 'lines', lines: yaml.split('\n').length }
  // Up to 3 UTF-8 bytes per UTF-16 unit: counted exactly only when it could matter.
  const bytes = yaml.length * 3 <= maxBytes ? yaml.length : new TextEncoder().encode(yaml).length
  if (bytes > maxBytes) return { kind: 'bytes', kb: Math.ceil(bytes / 1024) }
  // Only a text with room for that many levels is looked at token by token.
  if (yaml.length > FRONT_MATTER_LIMITS.depth && nestsDeeperThan(yaml, FRONT_MATTER_LIMITS.depth))
    return { kind: 'depth' }
  return null
}

/**
 * Why a front matter's YAML is refused before any parser sees it (S12), or null. Every reader of
 * front matter (the full parser, the list's fast path, the suggestion index) asks this first.
 */
export function frontMatterTooLarge(
  yaml: string,
  options: { atLeast?: boolean } = {},
): LocalizedText | null {
  const over = yamlOverLimits(yaml)
  if (!over) return null
  const { lines: maxLines, bytes: maxBytes } = FRONT_MATTER_LIMITS
  const n = (value: number) => value.toLocaleString('en')
  // With `atLeast` the text may be only the start of the front matter: its size is a lower bound.
  const ja = options.atLeast ? ' 以上' : ''
  const en = options.atLeast ? 'at least ' : ''
  if (over.kind === 'depth') {
    const depth = FRONT_MATTER_LIMITS.depth
    return msg(
      `フロントマターの入れ子が深すぎるため読み込みません（上限は ${depth} 段）。リストやマップ（[ ] や { }、字下げ）の入れ子を浅くしてください。`,
      `The front matter is nested too deeply to read (the limit is ${depth} levels). Flatten its nested lists and maps ([ ], { } or indentation).`,
    )
  }
  if (over.kind === 'lines') {
    return msg(
      `フロントマターが長すぎるため読み込みません（${n(over.lines)} 行${ja}。上限は ${n(maxLines)} 行）。不要な項目を削るか本文に移してください。`,
      `The front matter is too long to read (${en}${n(over.lines)} lines; the limit is ${n(maxLines)} lines). Remove what is not needed or move it into the body.`,
    )
  }
  return msg(
    `フロントマターが大きすぎるため読み込みません（${n(over.kb)} KB${ja}。上限は ${n(maxBytes / 1024)} KB）。不要な項目を削るか本文に移してください。`,
    `The front matter is too large to read (${en}${n(over.kb)} KB; the limit is ${n(maxBytes / 1024)} KB). Remove what is not needed or move it into the body.`,
  )
}

/**
 * Parses YAML without the library's duplicate-key check, which compares every key with every
 * other (20,000 keys took seconds); {@link firstDuplicateKey} does the same check in linear time.
 */
export function parseYamlDocument(yaml: string, lineCounter?: LineCounter): Document {
  return parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: false })
}

/** Offset of the first key that repeats an earlier key of the same mapping (any depth), or null. */
export function firstDuplicateKey(doc: Document): number | null {
  const stack: unknown[] = [doc.contents]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isSeq(node)) stack.push(...node.items)
    if (!isMap(node)) continue
    const seen = new Set<string>()
    for (const pair of node.items) {
      stack.push(pair.value)
      const key = pair.key
      if (!isScalar(key) || key.value === '<<') continue
      const id = `${typeof key.value}:${String(key.value)}`
      if (seen.has(id)) return key.range?.[0] ?? 0
      seen.add(id)
    }
  }
  return null
}

type YamlResult = { data: Record<string, unknown>; error: FrontMatterError | null }

/** Recent parses by YAML text: the preview, card and form all read the front matter per keystroke. */
const recentParses = new Map<string, YamlResult>()

/**
 * Parses front-matter YAML to plain data with a line-numbered error (line 2 is the first YAML line).
 * Results are shared between callers for the same text: treat them as read-only.
 */
export function parseFrontMatterYaml(yaml: string): YamlResult {
  const hit = recentParses.get(yaml)
  if (hit) return hit
  const tooLarge = frontMatterTooLarge(yaml)
  if (tooLarge) return { data: {}, error: { line: 1, message: tooLarge } }
  const result = parseFrontMatterYamlUncached(yaml)
  if (recentParses.size >= 8) recentParses.delete(recentParses.keys().next().value!)
  recentParses.set(yaml, result)
  return result
}

function parseFrontMatterYamlUncached(yaml: string): YamlResult {
  const lineCounter = new LineCounter()
  const doc = parseYamlDocument(yaml, lineCounter)
  const first = doc.errors[0]
  const duplicate = first ? null : firstDuplicateKey(doc)
  if (first || duplicate !== null) {
    const line = contentLine(yaml, lineCounter.linePos(first?.pos[0] ?? duplicate!).line) + 1
    const reason = first ? first.message.split('\n')[0]! : 'Map keys must be unique'
    const lineText = yaml.split('\n')[line - 2] ?? ''
    const explained = explainYamlError(first?.code ?? 'DUPLICATE_KEY', reason, lineText, line)
    return {
      data: {},
      error: {
        line,
        message: explained.message,
        ...(explained.quote ? { quote: true } : {}),
      },
    }
  }
  try {
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    if (value === null || value === undefined) return { data: {}, error: null }
    if (typeof value !== 'object' || Array.isArray(value)) {
      return {
        data: {},
        error: {
          line: 2,
          message: msg(
            'フロントマターは「キー: 値」の形で書いてください。',
            'The front matter must be a mapping of "key: value" lines.',
          ),
        },
      }
    }
    return { data: value as Record<string, unknown>, error: null }
  } catch (e) {
    const alias = /alias/i.test(String(e))
    return {
      data: {},
      error: {
        line: 2,
        message: alias
          ? msg(
              'フロントマターのエイリアス（*参照）が多すぎるため読み込みを止めました。',
              'Stopped reading the front matter: it expands too many aliases (*references).',
            )
          : msg(
              `フロントマターを読めません: ${String(e)}`,
              `Cannot read the front matter: ${String(e)}`,
            ),
      },
    }
  }
}

/**
 * A 1-based line clamped to the last line that has content: YAML reports errors such as an unclosed
 * quote at the end of the input, while the writer needs the line where the quote was opened.
 */
export function contentLine(text: string, line: number): number {
  const lines = text.split('\n')
  let last = lines.length
  while (last > 1 && lines[last - 1]!.trim() === '') last--
  return Math.max(1, Math.min(line, last))
}
