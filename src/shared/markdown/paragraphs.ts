import type { StateCore } from 'markdown-it'

/** Whether 0-based line `line` of `src` ends with two spaces (a hard break before its newline). */
function endsWithHardBreak(src: string, line: number): boolean {
  let start = 0
  for (let i = 0; i < line && start >= 0; i++) start = src.indexOf('\n', start) + 1
  if (start <= 0 && line > 0) return false
  const end = src.indexOf('\n', start)
  const text = src.slice(start, end < 0 ? src.length : end)
  return text.endsWith('  ')
}

/**
 * Core rule (right after block parsing): kramdown appends a paragraph that directly follows another
 * (no blank line between) to it. That happens when a line looks like the start of another block but
 * is not one, e.g. a fence that never closes or an autolink (`<https://…>` looks like a tag): the
 * blog shows one paragraph, so the preview does too. Like kramdown, the join keeps a hard break
 * (two trailing spaces), and a tight list item's paragraph stays tight.
 */
export function mergeAdjacentParagraphs(state: StateCore): void {
  const tokens = state.tokens
  for (let i = 2; i < tokens.length - 2; i++) {
    const close = tokens[i]
    const open = tokens[i + 1]
    if (
      close?.type !== 'paragraph_close' ||
      open?.type !== 'paragraph_open' ||
      close.level !== open.level
    )
      continue
    const prevOpen = tokens[i - 2]
    const prevInline = tokens[i - 1]
    const nextInline = tokens[i + 2]
    if (
      prevOpen?.type !== 'paragraph_open' ||
      prevInline?.type !== 'inline' ||
      nextInline?.type !== 'inline'
    )
      continue
    if (!prevOpen.map || !open.map || prevOpen.map[1] !== open.map[0]) continue
    const joiner = endsWithHardBreak(state.src, prevOpen.map[1] - 1) ? '  \n' : '\n'
    prevInline.content += `${joiner}${nextInline.content}`
    prevOpen.map = [prevOpen.map[0], open.map[1]]
    prevInline.map = prevOpen.map
    tokens.splice(i, 3)
    // The next paragraph's close now closes the joined one.
    tokens[i]!.hidden = prevOpen.hidden
    i--
  }
}
