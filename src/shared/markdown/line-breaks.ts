import type { StateInline } from 'markdown-it'
import type { PipelineEnv } from './types'

/**
 * Inline rule: kramdown's backslashes at the end of a line. Without `hard_wrap`, two backslashes
 * are a hard break (`a\\⏎` is `a<br />`; CommonMark would read an escaped backslash), and this
 * runs before the escape rule, which reads `\\` elsewhere as one backslash, so `a\\\\⏎` is
 * `a\<br />`. With `hard_wrap`, kramdown has no backslash breaks: every line break is a `<br />`
 * and the backslashes stay text (`a\⏎` is `a\<br />`, `a\\⏎` too).
 */
export function kramdownBackslashBreak(state: StateInline, silent: boolean): boolean {
  const pos = state.pos
  const src = state.src
  if (src.charCodeAt(pos) !== 0x5c) return false
  const double = src.charCodeAt(pos + 1) === 0x5c
  const newline = pos + (double ? 2 : 1)
  if (src.charCodeAt(newline) !== 0x0a) return false
  if ((state.env as PipelineEnv).markdown.hardWrap) {
    // The backslash (or the escaped one) is text; the newline rule makes the break.
    if (!silent) state.push('text', '', 0).content = '\\'
    state.pos = newline
    return true
  }
  if (!double) return false
  if (!silent) state.push('hardbreak', 'br', 0)
  let next = newline + 1
  // Leading spaces of the next line are not content (as after any line break).
  while (next < state.posMax && (src.charCodeAt(next) === 0x20 || src.charCodeAt(next) === 0x09))
    next++
  state.pos = next
  return true
}
