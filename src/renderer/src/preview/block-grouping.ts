/**
 * Grouping a rendered post's blocks whose raw HTML opens a tag that a later block closes, so each
 * group is sanitized and parsed as it would be in context (for the block patcher).
 */
import type { RenderedBlock } from '../../../shared/markdown/types'

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g

/** Net open elements in an HTML snippet (raw HTML blocks may open a tag that a later block closes). */
export function openTagBalance(html: string): number {
  if (!html.includes('<')) return 0
  let depth = 0
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase()
    if (VOID.has(name) || m[3] === '/') continue
    depth += m[1] === '/' ? -1 : 1
  }
  return depth
}

/** Memo of {@link openTagBalance}: a keystroke changes one block, the others are looked up. */
const balanceMemo = new Map<string, number>()
function balanceOf(html: string): number {
  let b = balanceMemo.get(html)
  if (b === undefined) {
    if (balanceMemo.size > 5000) balanceMemo.clear()
    b = openTagBalance(html)
    balanceMemo.set(html, b)
  }
  return b
}

/**
 * Merges runs of blocks whose tags do not balance, so each group parses as it would in context.
 * Without any, the blocks are handed back as they are (the usual case, on every keystroke).
 */
export function groupBalanced(blocks: readonly RenderedBlock[]): readonly RenderedBlock[] {
  let out: RenderedBlock[] | null = null
  let pending: RenderedBlock | null = null
  let depth = 0
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (pending) {
      pending = { html: pending.html + block.html, line: pending.line }
      depth += balanceOf(block.key ?? block.html)
      if (depth <= 0) {
        out!.push(pending)
        pending = null
        depth = 0
      }
      continue
    }
    const balance = balanceOf(block.key ?? block.html)
    if (balance > 0) {
      out ??= blocks.slice(0, i)
      pending = { html: block.html, line: block.line }
      depth = balance
    } else out?.push(block)
  }
  if (pending) out!.push(pending)
  return out ?? blocks
}
