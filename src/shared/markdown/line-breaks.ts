import type { StateInline } from 'markdown-it'

/**
 * Inline rule: kramdown's second hard break, two backslashes at the end of a line (`a\\⏎` is
 * `a<br />`; CommonMark would read an escaped backslash). It runs before the escape rule, which
 * reads `\\` elsewhere as one backslash, so `a\\\\⏎` is `a\<br />` as in kramdown.
 */
export function kramdownBackslashBreak(state: StateInline, silent: boolean): boolean {
  const pos = state.pos
  const src = state.src
  if (src.charCodeAt(pos) !== 0x5c || src.charCodeAt(pos + 1) !== 0x5c) return false
  if (src.charCodeAt(pos + 2) !== 0x0a) return false
  if (!silent) state.push('hardbreak', 'br', 0)
  let next = pos + 3
  // Leading spaces of the next line are not content (as after any line break).
  while (next < state.posMax && (src.charCodeAt(next) === 0x20 || src.charCodeAt(next) === 0x09))
    next++
  state.pos = next
  return true
}
