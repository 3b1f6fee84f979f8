/**
 * The front-matter fence rule, in one place: a post's front matter opens with a `---` first line and
 * closes at the first later line that is `---` or `...`; both may carry trailing spaces or tabs
 * (and the CR of a CRLF line).
 */

/** A line that closes the front matter. */
export const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*\r?$/

/** A bare opening line (`---` with no language after it). */
export const OPENING_FENCE = /^---[ \t]*\r?$/

/** Whether `line` (without its `\n`) closes the front matter. */
export function isClosingFence(line: string): boolean {
  return CLOSING_FENCE.test(line)
}

/** Whether `line` (without its `\n`) is a bare opening fence. */
export function isOpeningFence(line: string): boolean {
  return OPENING_FENCE.test(line)
}
