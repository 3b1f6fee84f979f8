/**
 * A fast path for the post list: parses the plain front matter nearly every post has (top-level
 * `key: scalar`, `key: [a, b]`, `key:` + `- item` lines) about 20 times faster than the full YAML
 * library. Anything outside that subset — numbers, escapes, anchors, nesting, multi-line values,
 * duplicate keys, tabs — returns null and the caller uses the full parser, so the two never
 * disagree (a property test holds them equal).
 */

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/
const SEQ_ITEM = /^( *)- +(.+)$/
// Plain scalars that the YAML 1.2 core schema resolves to something other than a string.
const NULL = /^(?:~|[Nn]ull|NULL)$/
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/
// The core schema's own int and float patterns (yaml/dist/schema/core): such scalars are left to it.
const NUMBERS = [
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
]
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/
// Control characters other than the line feed (tab included) and the BOM: left to the full parser.
const UNUSUAL = /(?!\n)[\p{Cc}\u2028\u2029\ufeff]/u

type Scalar = string | boolean | null

/** `undefined` means "outside the subset". */
function resolvePlain(text: string): Scalar | undefined {
  if (text === '' || INDICATOR.test(text) || NUMBERS.some((re) => re.test(text))) return undefined
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) return undefined
  if (NULL.test(text)) return null
  if (BOOL.test(text)) return text.toLowerCase() === 'true'
  return text
}

/** Reads a quoted scalar at `start`; returns its value and the index after the closing quote. */
function readQuoted(s: string, start: number): { value: string; end: number } | undefined {
  const quote = s[start]
  let value = ''
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i]!
    if (quote === '"') {
      if (c === '\\') return undefined
      if (c === '"') return { value, end: i + 1 }
    } else if (c === "'") {
      if (s[i + 1] === "'") {
        value += "'"
        i++
        continue
      }
      return { value, end: i + 1 }
    }
    value += c
  }
  return undefined
}

/** Whether what follows a value is only spaces and maybe a comment. */
function onlyTrailing(rest: string): boolean {
  return rest.trim() === '' || /^ +#/.test(rest)
}

function readScalar(s: string): Scalar | undefined {
  if (s[0] === '"' || s[0] === "'") {
    const q = readQuoted(s, 0)
    return q && onlyTrailing(s.slice(q.end)) ? q.value : undefined
  }
  const hash = s.indexOf(' #')
  return resolvePlain((hash >= 0 ? s.slice(0, hash) : s).trimEnd())
}

function readFlowSequence(s: string): Scalar[] | undefined {
  const items: Scalar[] = []
  let i = 1
  const skipSpaces = () => {
    while (s[i] === ' ') i++
  }
  for (;;) {
    skipSpaces()
    if (s[i] === ']') break
    let item: Scalar | undefined
    if (s[i] === '"' || s[i] === "'") {
      const q = readQuoted(s, i)
      if (!q) return undefined
      item = q.value
      i = q.end
    } else {
      const end = s.slice(i).search(/[,\]]/)
      if (end < 0) return undefined
      const raw = s.slice(i, i + end).trimEnd()
      if (/[[\]{}#:]/.test(raw)) return undefined
      item = resolvePlain(raw)
      i += end
    }
    if (item === undefined) return undefined
    items.push(item)
    skipSpaces()
    if (s[i] === ',') {
      i++
      continue
    }
    if (s[i] === ']') break
    return undefined
  }
  return onlyTrailing(s.slice(i + 1)) ? items : undefined
}

/** Parses simple front-matter YAML to plain data, or returns null when it is outside the subset. */
export function parseSimpleYaml(yaml: string): Record<string, unknown> | null {
  if (UNUSUAL.test(yaml)) return null
  const lines = yaml.split('\n')
  const data: Record<string, unknown> = {}
  const seen = new Set<string>()
  const blank = (line: string) => line.trim() === '' || line.startsWith('#')
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (blank(line)) {
      i++
      continue
    }
    const m = KEY_LINE.exec(line.trimEnd())
    if (!m) return null
    const key = m[1]!
    // Keys the schema would not read as plain strings are left to the full parser.
    if (seen.has(key) || key === '__proto__' || NULL.test(key) || BOOL.test(key)) return null
    seen.add(key)
    const rest = m[2] ?? ''
    i++
    if (rest === '' || rest.startsWith('#')) {
      // `key:` alone: a block sequence follows, or the value is null.
      const items: Scalar[] = []
      let indent: number | null = null
      while (i < lines.length) {
        const next = lines[i]!
        if (next.trim() === '') {
          i++
          continue
        }
        const item = SEQ_ITEM.exec(next.trimEnd())
        if (!item) {
          if (/^[ #-]/.test(next)) return null
          break
        }
        if (indent === null) indent = item[1]!.length
        if (item[1]!.length !== indent) return null
        const value = item[2]!.startsWith('[') ? undefined : readScalar(item[2]!)
        if (value === undefined) return null
        items.push(value)
        i++
      }
      data[key] = indent === null ? null : items
      continue
    }
    const value = rest.startsWith('[') ? readFlowSequence(rest) : readScalar(rest)
    if (value === undefined) return null
    data[key] = value
  }
  return data
}
