import { isClosingFence } from '../front-matter-fence'
/**
 * Where the front matter sits in a post's text, as offsets into the text exactly as given (BOM and
 * CRLF included), so edits can be expressed as changes to that text. The fence rules are those of
 * `splitPost` in `../front-matter`.
 */

/** The front matter's place in a post's text. */
export interface FrontMatterRegion {
  /** Offset of the opening fence (1 after a BOM, else 0). */
  start: number
  /** What follows `---` on the opening line, trimmed (`''`, `yaml`, `js`…). */
  lang: string
  /** Offset of the first YAML character (after the opening fence's line break). */
  yamlFrom: number
  /** Offset just after the YAML: the start of the closing fence line (the text's end when unclosed). */
  yamlTo: number
  /** Offset just after the closing fence line and its line break (the text's end when unclosed). */
  end: number
  closed: boolean
  /** The line break of the opening fence; edits write new lines with it. */
  eol: '\n' | '\r\n'
  /** 1-based line of the first YAML line in the file. */
  firstYamlLine: number
}

const OPEN = /^(\uFEFF?)---([^\r\n]*)(\r?\n)/

/** Finds the front matter at the start of a post; null when the text does not start with `---`. */
export function locateFrontMatter(text: string): FrontMatterRegion | null {
  const open = OPEN.exec(text)
  if (!open) return null
  const start = open[1]!.length
  const yamlFrom = open[0].length
  const eol = open[3] === '\r\n' ? '\r\n' : '\n'
  let lineStart = yamlFrom
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart)
    const lineEnd = nl < 0 ? text.length : nl
    if (isClosingFence(text.slice(lineStart, lineEnd))) {
      return {
        start,
        lang: open[2]!.trim(),
        yamlFrom,
        yamlTo: lineStart,
        end: nl < 0 ? text.length : nl + 1,
        closed: true,
        eol,
        firstYamlLine: 2,
      }
    }
    if (nl < 0) break
    lineStart = nl + 1
  }
  return {
    start,
    lang: open[2]!.trim(),
    yamlFrom,
    yamlTo: text.length,
    end: text.length,
    closed: false,
    eol,
    firstYamlLine: 2,
  }
}
