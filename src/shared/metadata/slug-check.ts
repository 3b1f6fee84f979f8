import { msg } from '../localized'
import { checkSlug, type SlugCheck } from '../slug'

/**
 * Checks a slug for a new or renamed post: the allow-list (RELIABILITY.md P1) and that no other
 * post uses it (`own` is the post's current slug, which it may keep).
 */
export function checkNewSlug(
  slug: string,
  taken: Iterable<string>,
  own: string | null = null,
): SlugCheck {
  const rule = checkSlug(slug)
  if (rule.kind === 'invalid') return rule
  if (slug === own) return rule
  for (const other of taken) {
    if (other === slug) {
      return {
        kind: 'invalid',
        reason: msg(
          `スラッグ「${slug}」はほかの記事で使われています。別のスラッグにしてください。`,
          `The slug "${slug}" is used by another post. Choose another slug.`,
        ),
      }
    }
  }
  return rule
}
