import type { MarkdownIt, StateCore } from 'markdown-it'
import { basicHeadingSlug, gfmHeadingSlug, inlinePlainText } from './heading-ids'
import { HEADING_ENTRIES, type HeadingEntry } from './headings'
import type { MarkdownSettings } from './settings'
import type { AttributeList, PipelineEnv } from './types'

/** Env key: heading ids handed out by the pieces above this one (`g`/`b` + slug → last count). */
export const PRIOR_IDS = Symbol('priorHeadingIds')
/** Env key: the auto-id slugs this piece used, in order (filled by the rule). */
export const USED_SLUGS = Symbol('usedHeadingSlugs')
/** Env key: this piece's own heading entries, before the others are added for the TOC. */
export const OWN_ENTRIES = Symbol('ownHeadingEntries')
/** Env key: the other pieces' heading entries (before and after this one), for the TOC. */
export const OTHER_ENTRIES = Symbol('otherHeadingEntries')
/** Env key: a piece above has the table of contents, so `{:toc}` lists here stay plain lists. */
export const TOC_ABOVE = Symbol('tocAbove')
/** Env key: set by the rule when the piece has a list marked `{:toc}`. */
export const TOC_MARKER = Symbol('tocMarker')

/** What one piece of a body defines for the whole document. */
export interface PieceDefinitions {
  /** Link reference definitions (markdown-it's normalized labels). */
  refs: Record<string, unknown>
  /** Attribute list definitions by name. */
  alds: Map<string, AttributeList>
}

const MAY_DEFINE = /^ {0,3}(?:\[[^\]\n]+\]:|\{:[\w-]+:)/m

/** Link references and attribute list definitions a piece makes, or null when it makes none. */
export function pieceDefinitions(
  md: MarkdownIt,
  text: string,
  markdown: MarkdownSettings,
): PieceDefinitions | null {
  if (!MAY_DEFINE.test(text)) return null
  const env: PipelineEnv = {
    lineOffset: 0,
    resolveImage: undefined,
    alds: new Map(),
    headings: [],
    markdown,
  }
  md.block.parse(text, md, env, [])
  const refs = (env.references ?? {}) as Record<string, unknown>
  if (Object.keys(refs).length === 0 && env.alds.size === 0) return null
  return { refs, alds: env.alds }
}

/**
 * Core rule (before `kramdown_heading_ids`): continues kramdown's heading id numbering from the
 * pieces above, so a heading repeated in another piece still gets its `-1`. Ids that are the
 * first of their text are left to the pipeline's own rule (it gives the same).
 */
function continueHeadingIds(state: StateCore): void {
  const env = state.env as PipelineEnv
  const prior = env[PRIOR_IDS] as Map<string, number> | undefined
  if (!prior) return
  const local = new Map<string, number>()
  const used: string[] = []
  const tokens = state.tokens
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!
    if (open.type !== 'heading_open' || open.attrGet('id') !== null) continue
    const raw = inlinePlainText(tokens[i + 1]!.children ?? [])
    const basic = Boolean(open.meta?.basicId)
    const slug = basic ? basicHeadingSlug(raw) : gfmHeadingSlug(raw)
    const key = (basic ? 'b' : 'g') + slug
    const count = (local.get(key) ?? prior.get(key) ?? -1) + 1
    local.set(key, count)
    used.push(key)
    if (count > 0) open.attrSet('id', `${slug}-${count}`)
  }
  env[USED_SLUGS] = used
}

/** Core rule (before `kramdown_toc`): the table of contents lists every piece's headings. */
function addOtherHeadings(state: StateCore): void {
  const env = state.env as PipelineEnv
  for (const t of state.tokens) {
    const refs = t.meta?.ialRefs as string[] | undefined
    if (!refs?.includes('toc') || (t.type !== 'bullet_list_open' && t.type !== 'ordered_list_open'))
      continue
    env[TOC_MARKER] = true
    // Only the document's first `{:toc}` list is the table of contents (kramdown).
    if (env[TOC_ABOVE]) t.meta = { ...t.meta, ialRefs: refs.filter((r) => r !== 'toc') }
  }
  const own = (env[HEADING_ENTRIES] as HeadingEntry[] | undefined) ?? []
  env[OWN_ENTRIES] = own
  const others = env[OTHER_ENTRIES] as { before: HeadingEntry[]; after: HeadingEntry[] } | undefined
  if (others) env[HEADING_ENTRIES] = [...others.before, ...own, ...others.after]
}

/** Adds the rules that let a piece of a body render as it would inside the whole body. */
export function addPieceRules(md: MarkdownIt): MarkdownIt {
  md.core.ruler.before('kramdown_heading_ids', 'piece_heading_ids', continueHeadingIds)
  md.core.ruler.before('kramdown_toc', 'piece_toc_entries', addOtherHeadings)
  return md
}
