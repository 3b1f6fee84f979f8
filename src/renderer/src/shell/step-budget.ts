/** How long one step of a big post filling in may take, in the live post and in the preview. */

/**
 * A step's budget for an article of `blocks` blocks (ms): `baseMs`, or more for a big article.
 * After each step of a post filling in, the article's layout walks all its children (a few
 * microseconds each, even those skipped): in a 10 MB post's article of ten thousand blocks and
 * more, that is 150-400 ms a step, and small steps only made more of them (typing in the post
 * while it filled in waited for twice as many).
 */
export function stepBudgetMs(baseMs: number, blocks: number): number {
  return Math.max(baseMs, Math.min(MAX_STEP_MS, blocks / BLOCKS_PER_STEP_MS))
}
/** The longest step (ms): the frame a step runs in waits for it. */
const MAX_STEP_MS = 40
/** Blocks of article per millisecond of budget. */
const BLOCKS_PER_STEP_MS = 400
