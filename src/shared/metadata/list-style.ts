import { isClosingFence } from '../front-matter-fence'
/** How a repository writes front-matter lists. */
export interface ListStyle {
  /** `tags: [a, b]` rather than one `- item` per line. */
  flow: boolean
  /** Spaces before `- ` in a block list (0: at the key's column; 2: indented). */
  indent: number
}

const FLOW = /^[A-Za-z_][\w-]*:[ \t]*\[.+\][ \t]*$/
const KEY_ONLY = /^[A-Za-z_][\w-]*:[ \t]*$/
const ITEM = /^( *)- /

/**
 * The list style most of the given posts use (each post votes once per list it writes): flow or
 * block, and the block items' indentation. Block with two spaces when nothing can be learned.
 */
export function listStyleOf(texts: readonly string[]): ListStyle {
  const votes = new Map<string, number>()
  for (const text of texts) {
    const lines = text.replace(/\r\n/g, '\n').split('\n')
    if (lines[0]?.trim() !== '---') continue
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!
      if (isClosingFence(line)) break
      let vote: string | null = null
      if (FLOW.test(line)) vote = 'flow'
      else if (KEY_ONLY.test(line)) {
        const item = ITEM.exec(lines[i + 1] ?? '')
        if (item) vote = `block:${item[1]!.length}`
      }
      if (vote) votes.set(vote, (votes.get(vote) ?? 0) + 1)
    }
  }
  let best: string | null = null
  for (const [vote, n] of votes) if (best === null || n > votes.get(best)!) best = vote
  if (best === null) return { flow: false, indent: 2 }
  if (best === 'flow') return { flow: true, indent: 2 }
  return { flow: false, indent: Number(best.slice('block:'.length)) }
}
