import type { StateCore } from 'markdown-it'

/**
 * Core rule (right after block parsing): kramdown appends a paragraph that directly follows another
 * (no blank line between) to it. That happens when a line looks like the start of another block but
 * is not one, e.g. a fence that never closes: the blog shows one paragraph, so the preview does too.
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
    if (
      !prevOpen.map ||
      !open.map ||
      prevOpen.map[1] !== open.map[0] ||
      prevOpen.hidden !== open.hidden
    )
      continue
    prevInline.content += `\n${nextInline.content}`
    prevOpen.map = [prevOpen.map[0], open.map[1]]
    prevInline.map = prevOpen.map
    tokens.splice(i, 3)
    i--
  }
}
