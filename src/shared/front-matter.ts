import { LineCounter, parseDocument } from 'yaml'
import { msg, type LocalizedText } from './localized'

/** Most aliases a front matter may expand; stops alias bombs (RELIABILITY.md S12). */
export const MAX_ALIAS_COUNT = 100

/** A front-matter problem with its 1-based line in the whole file. */
export interface FrontMatterError {
  line: number
  message: LocalizedText
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
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/

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
  for (let at = open[0].length; at <= text.length; ) {
    const nl = text.indexOf('\n', at)
    const line = text.slice(at, nl < 0 ? text.length : nl)
    if (CLOSE.test(line)) {
      closeIndex = lines.length
      lines.push(line)
      break
    }
    lines.push(line)
    if (nl < 0) break
    at = nl + 1
  }
  if (closeIndex < 0) {
    return {
      yaml: text.slice(open[0].length),
      data: {},
      error: {
        line: 1,
        message: msg(
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
  const result = parseFrontMatterYamlUncached(yaml)
  if (recentParses.size >= 8) recentParses.delete(recentParses.keys().next().value!)
  recentParses.set(yaml, result)
  return result
}

function parseFrontMatterYamlUncached(yaml: string): YamlResult {
  const lineCounter = new LineCounter()
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const first = doc.errors[0]
  if (first) {
    const line = contentLine(yaml, lineCounter.linePos(first.pos[0]).line) + 1
    const reason = first.message.split('\n')[0]!
    return {
      data: {},
      error: {
        line,
        message: msg(
          `フロントマター ${line} 行目の YAML が正しくありません: ${reason}`,
          `Invalid YAML in the front matter at line ${line}: ${reason}`,
        ),
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
