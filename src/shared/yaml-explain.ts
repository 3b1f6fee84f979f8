import { msg, type LocalizedText } from './localized'

/** What the writer is told about a YAML error in the front matter. */
export interface YamlExplanation {
  message: LocalizedText
  /** Set when quoting the value on the error's line fixes it (the one-click fix). */
  quote: boolean
}

const LABELS: Record<string, [string, string]> = {
  title: ['タイトル', 'The title'],
  description: ['説明', 'The description'],
  tags: ['タグ', 'A tag'],
  authors: ['著者', 'An author'],
  categories: ['カテゴリー', 'A category'],
  eyecatch: ['アイキャッチ', 'The eyecatch'],
}

/** `key: value` or `- value` on one line: the value's place and the key (if any). */
const VALUE_LINE = /^(\s*(?:-\s+)?)(?:([A-Za-z_][\w-]*):[ \t]+)?(\S.*?)\s*$/

function labelOf(key: string | undefined): [string, string] {
  if (key && LABELS[key]) return LABELS[key]
  return key ? [`「${key}」の値`, `The value of "${key}"`] : ['値', 'The value']
}

function shown(line: string): string {
  const t = line.trim()
  return t.length > 60 ? `${t.slice(0, 59)}…` : t
}

/**
 * Plain words for a YAML parser error, the common cases first (a `: ` inside a value, a value
 * starting with a reserved character, an unclosed quote, tabs, a repeated key, uneven indentation),
 * each naming the line and what to do; the parser's own text follows as a detail.
 */
export function explainYamlError(
  code: string,
  reason: string,
  lineText: string,
  fileLine: number,
): YamlExplanation {
  const m = VALUE_LINE.exec(lineText)
  const key = m?.[2]
  const value = m?.[3] ?? ''
  const quoted = /^["']/.test(value)
  const [ja, en] = labelOf(key)
  let what: [string, string] | null = null
  let quote = false
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && !quoted && /:(?:\s|$)/.test(value)) {
    what = [
      `${ja}に「: 」が入っています。値を引用符で囲んでください（例: "${value.replace(/"/g, '\\"')}"）。`,
      `${en} contains ": ". Put the value in quotes (e.g. "${value.replace(/"/g, '\\"')}").`,
    ]
    quote = true
  } else if (code === 'BAD_SCALAR_START' && !quoted) {
    const c = value.charAt(0)
    what = [
      `${ja}が「${c}」で始まっています。YAML では特別な記号なので、値を引用符で囲んでください。`,
      `${en} starts with "${c}", which is special in YAML. Put the value in quotes.`,
    ]
    quote = true
  } else if (code === 'MISSING_CHAR' && /quote/i.test(reason)) {
    what = [
      '引用符（" または \'）が閉じていません。値の終わりにも同じ引用符を付けてください。',
      'A quote (" or \') is not closed. End the value with the same quote.',
    ]
  } else if (code === 'TAB_AS_INDENT') {
    what = [
      '行頭の字下げにタブが使われています。YAML ではスペースで字下げしてください。',
      'This line is indented with a tab. YAML needs spaces for indentation.',
    ]
  } else if (code === 'DUPLICATE_KEY') {
    what = [
      `${key ? `キー「${key}」` : '同じキー'}が 2 回書かれています。どちらかを消してください。`,
      `${key ? `The key "${key}"` : 'A key'} is written twice. Remove one of them.`,
    ]
  } else if (/INDENT|IMPLICIT_KEY/.test(code)) {
    what = [
      '字下げ（行頭のスペース）がそろっていないか、「キー: 値」の形になっていません。前後の行と字下げをそろえてください。',
      'The indentation (leading spaces) does not line up, or the line is not "key: value". Indent it like the lines around it.',
    ]
  }
  const where: [string, string] = [
    `フロントマター ${fileLine} 行目（${shown(lineText)}）`,
    `Front matter line ${fileLine} (${shown(lineText)})`,
  ]
  if (!what) {
    return {
      message: msg(
        `${where[0]}の YAML が正しくありません。（YAML パーサーの説明: ${reason}）`,
        `${where[1]}: the YAML is not valid. (YAML parser: ${reason})`,
      ),
      quote: false,
    }
  }
  return {
    message: msg(
      `${where[0]}: ${what[0]}（YAML パーサーの説明: ${reason}）`,
      `${where[1]}: ${what[1]} (YAML parser: ${reason})`,
    ),
    quote,
  }
}

/**
 * The edit that puts the value on one line of `text` in double quotes (1-based `line`), escaping
 * backslashes and quotes; null when the line has no plain value to quote.
 */
export function quoteValueEdit(
  text: string,
  line: number,
): { from: number; to: number; insert: string } | null {
  let start = 0
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start)
    if (nl < 0) return null
    start = nl + 1
  }
  const end = text.indexOf('\n', start)
  const lineText = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '')
  const m = VALUE_LINE.exec(lineText)
  if (!m || /^["']/.test(m[3]!)) return null
  const from = start + lineText.indexOf(m[3]!, m[1]!.length + (m[2] ? m[2].length + 1 : 0))
  const value = m[3]!
  return {
    from,
    to: from + value.length,
    insert: `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  }
}
