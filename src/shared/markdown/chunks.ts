/**
 * Where a Markdown body can be cut into pieces that kramdown parses the same alone as in context.
 *
 * A cut goes at the start of a line only when nothing above it can reach past it: the line before
 * is blank, the line itself starts at column 0 with something that opens a new block (not a list
 * item, quote, definition, attribute list or HTML closing tag, which join the block above across a
 * blank line), and no fence, raw HTML element or `{::…}` extension is open. Anything the scanner is
 * unsure about is simply not a cut, so an odd document becomes fewer, bigger pieces, never wrong ones.
 */

/** Lines that continue a block above them even after a blank line. */
const JOINS_ABOVE = /^(?:[-*+](?:[ \t]|$)|\d+[.)](?:[ \t]|$)|>|:|\{:|\^|\*\[|<\/|[ \t])/
const FENCE = /^[ \t]*(`{3,}|~{3,})/
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '))
const OPENING = /^[ \t]*<([a-zA-Z][a-zA-Z0-9-]*)/

/** Scanner state carried from line to line. */
interface ScanState {
  /** The open fence's marker ('' when none). */
  fence: string
  /** The element a raw HTML region is waiting to close ('' when none), and its depth. */
  html: string
  depth: number
  /** Inside an HTML comment. */
  comment: boolean
  /** Inside a `{::name}` extension. */
  extension: boolean
  /** The previous line was blank. */
  blank: boolean
  /** The last non-blank line ended with a marker that reaches the next block (`{: …}`, `^`). */
  marker: boolean
}

function freshState(): ScanState {
  return {
    fence: '',
    html: '',
    depth: 0,
    comment: false,
    extension: false,
    blank: true,
    marker: false,
  }
}

function isClean(s: ScanState): boolean {
  return s.fence === '' && s.html === '' && !s.comment && !s.extension
}

/** How much deeper a line goes into elements named `name` (kramdown matches the closing tag). */
function depthChange(line: string, name: string): number {
  if (!line.includes('<')) return 0
  let change = 0
  const tag = new RegExp(`<(/?)${name}(?![\\w-])[^>]*?(/?)>`, 'gi')
  for (const m of line.matchAll(tag)) if (m[2] !== '/') change += m[1] === '/' ? -1 : 1
  return change
}

/** Advances the state over one line (without its newline). */
function step(s: ScanState, line: string): void {
  const blank = line.trim() === ''
  if (s.fence !== '') {
    const m = FENCE.exec(line)
    if (m && m[1]![0] === s.fence[0] && m[1]!.length >= s.fence.length && line.trim() === m[1])
      s.fence = ''
  } else if (s.comment) {
    if (line.includes('-->')) s.comment = false
  } else if (s.extension) {
    if (line.includes('{:/')) s.extension = false
  } else if (s.html !== '') {
    s.depth += depthChange(line, s.html)
    if (s.depth <= 0) s.html = ''
  } else if (!blank) {
    const fence = FENCE.exec(line)
    const lead = line.trimStart()
    if (fence) s.fence = fence[1]!
    else if (lead.startsWith('<!--')) s.comment = !lead.includes('-->')
    else if (lead.startsWith('{::') && !/\/\}\s*$/.test(lead) && !lead.includes('{:/'))
      s.extension = true
    else {
      const name = OPENING.exec(line)?.[1]?.toLowerCase()
      if (name && !VOID.has(name)) {
        // An opening tag whose `>` is on a later line counts as open.
        const depth = line.includes('>') ? depthChange(line, name) : 1
        if (depth > 0) {
          s.html = name
          s.depth = depth
        }
      }
    }
  }
  if (!blank) s.marker = /^[ \t]*(?:\{:|\^)/.test(line)
  s.blank = blank
}

/**
 * Offsets (in `body`) where a new piece may start, ascending, beginning with `from` (0 or a cut
 * found before: the scan starts in a clean state there). The scan stops after the first cut for
 * which `stop` returns true (that cut is included).
 */
export function findCuts(
  body: string,
  from = 0,
  stop: (cut: number) => boolean = () => false,
): number[] {
  const cuts = [from]
  const s = freshState()
  let pos = from
  while (pos < body.length) {
    const nl = body.indexOf('\n', pos)
    const end = nl < 0 ? body.length : nl
    const line = body.slice(pos, end)
    if (
      pos > from &&
      s.blank &&
      !s.marker &&
      isClean(s) &&
      line.trim() !== '' &&
      !JOINS_ABOVE.test(line)
    ) {
      cuts.push(pos)
      if (stop(pos)) return cuts
    }
    step(s, line)
    if (nl < 0) break
    pos = nl + 1
  }
  return cuts
}
