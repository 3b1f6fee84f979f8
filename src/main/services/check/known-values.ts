/**
 * The authors and tags of the blog's other posts, for the two rules that compare a post with the
 * rest of the blog (`unknown-author`, `tag-variant`). They come from the same suggestion index the
 * editor's lint uses, so `portal-writer check`, the publish preflight and the editor agree.
 */
import type { SuggestionEntry } from '../../../shared/metadata/fuzzy'
import { SuggestionIndex } from '../metadata/suggestions'
import type { CheckRun } from './types'

/** What `validateFrontMatter` is told about the other posts (null: that rule does not run). */
export interface KnownValues {
  knownAuthors: readonly SuggestionEntry[] | null
  knownTags: readonly SuggestionEntry[] | null
}

const NOTHING: KnownValues = { knownAuthors: null, knownTags: null }

/** One index per run, read once: every post of the blog, whichever posts are checked. */
const indexes = new WeakMap<CheckRun, Promise<SuggestionIndex>>()

function indexFor(run: CheckRun): Promise<SuggestionIndex> {
  let index = indexes.get(run)
  if (!index) {
    const made = new SuggestionIndex({ repo: () => ({ root: run.root, profile: run.profile }) })
    index = made.refresh().then(() => made)
    indexes.set(run, index)
  }
  return index
}

/** The authors and tags of every post but `relPath`, with how many posts use each. */
export async function knownValuesFor(run: CheckRun, relPath: string): Promise<KnownValues> {
  const authors = run.isOn('unknown-author')
  const tags = run.isOn('tag-variant')
  if (!authors && !tags) return NOTHING
  const suggestions = await (await indexFor(run)).suggestions(relPath)
  return {
    knownAuthors: authors ? suggestions.authors : null,
    knownTags: tags ? suggestions.tags : null,
  }
}
